// What the browser tests share: the server under test, where screenshots go, a run id that keeps each run's accounts
// apart, the REST call, and per suite the waits on what a page shows (a failed wait leaves a screenshot named after the
// suite) and a user's page, logged in, in a browser context of its own.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASE = (process.env.LOOM_URL ?? '').replace(/\/+$/, '');
export const ARTIFACTS = join(fileURLToPath(new URL('.', import.meta.url)), 'artifacts');
export const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A REST call, as `token`'s user when given; the parsed body, or an error carrying the answer's `status`. */
export async function apiCall(method, path, body, token) {
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) {
    const err = new Error(`${method} ${path} -> ${res.status} ${text}`);
    err.status = res.status;
    throw err;
  }
  return text ? JSON.parse(text) : undefined;
}

/**
 * The helpers of one suite: `suite` names its failure screenshots (`FAILED-<suite>-<what>-<time>.png`), `timeout` is
 * how long a wait lasts unless told otherwise, and `pageErrors` collects the uncaught errors of every page it opened.
 */
export function suiteKit(suite, timeout) {
  const pageErrors = [];

  async function failShot(page, what) {
    await page.screenshot({ path: join(ARTIFACTS, `FAILED-${suite}-${what}-${Date.now()}.png`), fullPage: true }).catch(() => {});
  }

  /** Waits for `locator` to be `state` ('visible' or 'hidden'); on a timeout, a screenshot and the failure. */
  async function expectState(page, locator, state, message, wait) {
    try {
      await locator.first().waitFor({ state, timeout: wait });
    } catch {
      await failShot(page, state);
      assert.fail(message ?? `Expected to be ${state}: ${locator}`);
    }
  }

  const expectVisible = (page, locator, message, wait = timeout) => expectState(page, locator, 'visible', message, wait);
  const expectHidden = (page, locator, message, wait = timeout) => expectState(page, locator, 'hidden', message, wait);

  /** Polls `read` on the page's clock until `ok` holds for its value or the wait is over; returns the value. */
  async function until(page, read, ok, message, wait = timeout) {
    const deadline = Date.now() + wait;
    let last;
    for (;;) {
      last = await read();
      if (ok(last)) return last;
      if (Date.now() > deadline) {
        await failShot(page, 'until');
        assert.fail(`${message} (last: ${JSON.stringify(last)})`);
      }
      await page.waitForTimeout(100);
    }
  }

  /** Calls `fn` until it returns something truthy, which it returns; fails with `message` once the wait is over. */
  async function eventually(fn, message, wait = timeout) {
    const deadline = Date.now() + wait;
    for (;;) {
      const v = await fn();
      if (v) return v;
      if (Date.now() > deadline) assert.fail(message);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** `user` logged in through the login page, in a new context of `browser` (`contextOptions` added to a 1280×900 viewport). */
  async function openAs(browser, user, contextOptions = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(`${user.email}: ${err.message}`));
    await page.goto(`${BASE}/login`);
    await page.getByLabel('Email', { exact: true }).fill(user.email);
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await expectVisible(page, page.getByRole('heading', { name: 'Projects', level: 1 }), `Login as ${user.email} failed`);
    return page;
  }

  return { pageErrors, failShot, expectVisible, expectHidden, until, eventually, openAs };
}
