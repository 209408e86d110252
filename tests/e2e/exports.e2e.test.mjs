// Worldloom exports browser test: the export dialog (tier locks for a free account; Select All, per-engine status and
// the download for a pro one), then the verify page with the network off (the service worker serves the app) on the
// downloaded bundle and on a tampered copy, and the dashboard's projects list offline. Same setup as the other suites:
//   LOOM_URL=http://127.0.0.1:5099 LOOM_ADMIN_EMAIL=… LOOM_ADMIN_PASSWORD=… node --test exports.e2e.test.mjs
// Screenshots go to tests/e2e/artifacts/exports-*.png; the downloaded bundle to artifacts/exports-bundle.zip.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { ARTIFACTS, BASE, runId } from './support.mjs';

const ADMIN_EMAIL = process.env.LOOM_ADMIN_EMAIL ?? '';
const ADMIN_PASSWORD = process.env.LOOM_ADMIN_PASSWORD ?? '';
const TIMEOUT = 15_000;
const SLOW = 120_000; // generation and nine exporters on a loaded 2-core machine

const pro = { email: `export-pro-${runId}@example.test`, password: `export-pass-${runId}-ok`, displayName: `Export Pro ${runId}` };
const free = { email: `export-free-${runId}@example.test`, password: `export-pass-${runId}-ok`, displayName: `Export Free ${runId}` };
const projectName = `Exports ${runId}`;
const worldName = `Export World ${runId}`;

let browser;
let context;
let page;
let proToken;
let worldId;
let bundlePath;
let bundleKeyId;
const serverErrors = [];
const pageErrors = [];

async function shot(name, target = page) {
  await target.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

async function expectVisible(locator, message, timeout = TIMEOUT) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    await shot(`FAILED-exports-${Date.now()}`).catch(() => {});
    assert.fail(message ?? `Expected to be visible: ${locator}`);
  }
}

async function apiCall(method, path, token, body) {
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

const loginToken = async (email, password) => (await apiCall('POST', '/api/auth/login', null, { email, password })).accessToken;

async function waitForJob(token, id) {
  const deadline = Date.now() + SLOW;
  for (;;) {
    const job = await apiCall('GET', `/api/jobs/${id}`, token);
    if (job.status === 'succeeded') return job;
    assert.ok(!['failed', 'cancelled'].includes(job.status), `job ${id} ended ${job.status}: ${job.error}`);
    assert.ok(Date.now() < deadline, `job ${id} still ${job.status}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A project with one ready world, made through the API (the forge suite covers doing it in the browser). */
async function worldFor(token, name, size) {
  const project = await apiCall('POST', '/api/projects', token, { name: projectName });
  const world = await apiCall('POST', `/api/projects/${project.id}/worlds`, token, { seed: 'export coast', size, name });
  await waitForJob(token, world.jobId);
  return world.id;
}

async function logIn(target, who) {
  await target.goto(`${BASE}/login`);
  await target.getByLabel('Email', { exact: true }).fill(who.email);
  await target.getByLabel('Password', { exact: true }).fill(who.password);
  await target.getByRole('button', { name: 'Log in', exact: true }).click();
  await expectVisible(target.getByRole('heading', { name: 'Projects', level: 1 }), 'Login did not reach the dashboard');
}

function watch(p) {
  p.on('pageerror', (err) => pageErrors.push(String(err)));
  p.on('response', (res) => {
    const u = new URL(res.url());
    if (u.pathname.startsWith('/api/') && res.status() >= 500) serverErrors.push(`${res.request().method()} ${u.pathname} -> ${res.status()}`);
    if (/token/i.test(u.search)) serverErrors.push(`token in URL: ${u.pathname}${u.search}`);
  });
}

/** Where the first stored (method 0) PNG's data starts in a ZIP, and its name, from the central directory. */
function storedPng(zip) {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('latin1', p + 46, p + 46 + nameLength);
    if (method === 0 && name.endsWith('.png') && size > 100) {
      return { name, start: local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28), size };
    }
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  throw new Error('no stored PNG in the bundle');
}

before(async () => {
  assert.ok(BASE, 'Set LOOM_URL, e.g. http://127.0.0.1:5099');
  assert.ok(ADMIN_EMAIL && ADMIN_PASSWORD, 'Set LOOM_ADMIN_EMAIL and LOOM_ADMIN_PASSWORD (an existing admin account)');
  mkdirSync(ARTIFACTS, { recursive: true });
  await apiCall('POST', '/api/auth/register', null, pro);
  await apiCall('POST', '/api/auth/register', null, free);
  const admin = await loginToken(ADMIN_EMAIL, ADMIN_PASSWORD);
  const users = await apiCall('GET', '/api/admin/users?limit=1000', admin);
  await apiCall('PATCH', `/api/admin/users/${users.find((u) => u.email === pro.email).id}`, admin, { tier: 'pro' });
  proToken = await loginToken(pro.email, pro.password);
  worldId = await worldFor(proToken, worldName, 128);

  browser = await chromium.launch({
    executablePath: process.env.LOOM_CHROMIUM ?? '/usr/bin/chromium',
    headless: !process.env.LOOM_HEADED,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'].filter(
      (a) => !(process.env.LOOM_HEADED && a === '--headless=new'),
    ),
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', acceptDownloads: true });
  context.setDefaultTimeout(TIMEOUT);
  page = await context.newPage();
  watch(page);
});

after(async () => {
  await browser?.close();
});

test('export dialog, free account: only JSON can be picked; the other engines show a lock, the Pro badge and how to unlock them', { timeout: 180_000 }, async () => {
  const token = await loginToken(free.email, free.password);
  const freeWorld = await worldFor(token, `Free World ${runId}`, 64);
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  ctx.setDefaultTimeout(TIMEOUT);
  const p = await ctx.newPage();
  watch(p);
  try {
    await logIn(p, free);
    await p.goto(`${BASE}/worlds/${freeWorld}`);
    await p.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = p.getByRole('dialog', { name: /^Export “Free World/ });
    await expectVisible(dialog.getByRole('checkbox', { name: 'JSON + PNG layers' }), 'The dialog should list the engines');
    const boxes = dialog.getByRole('checkbox');
    assert.equal(await boxes.count(), 9);
    for (const title of ['Tiled', 'Godot 4', 'Unity', 'Unreal Engine', 'Blender', 'GameMaker', 'Roblox', 'Defold']) {
      assert.ok(await dialog.getByRole('checkbox', { name: title }).isDisabled(), `${title} should be locked for a free account`);
    }
    assert.ok(await dialog.getByRole('checkbox', { name: 'JSON + PNG layers' }).isChecked());
    assert.equal(await dialog.getByRole('img', { name: 'Locked' }).count(), 8);
    assert.equal(await dialog.locator('.badge', { hasText: 'Pro' }).count(), 8);
    await expectVisible(dialog.getByText(/Upgrade to Pro or Lifetime to export to Tiled, Godot 4/), 'The dialog should say how to unlock the engines');
    // Select all picks what the tier unlocks, and nothing locked.
    await dialog.getByRole('button', { name: 'Clear' }).click();
    assert.equal(await dialog.getByRole('button', { name: /^Export \d/ }).isDisabled(), true, 'Nothing picked: nothing to export');
    await dialog.getByRole('button', { name: 'Select all' }).click();
    await expectVisible(dialog.getByRole('button', { name: 'Export 1 engine' }));
    await shot('exports-dialog-free', p);
  } finally {
    await ctx.close();
  }
});

test('export dialog, pro account: Select All, every engine reaches done, the ZIP downloads and is listed', { timeout: 240_000 }, async (t) => {
  await logIn(page, pro);
  await page.goto(`${BASE}/worlds/${worldId}`);
  await expectVisible(page.getByRole('heading', { name: worldName, level: 1 }), 'The world page should open', 60_000);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Export “${worldName}”` });
  await expectVisible(dialog.getByRole('checkbox', { name: 'Tiled' }), 'The dialog should list the engines');
  await dialog.getByRole('button', { name: 'Select all' }).click();
  for (const box of await dialog.getByRole('checkbox').all()) assert.ok(await box.isChecked(), 'Select all should tick every engine of a pro account');
  await shot('exports-dialog-selected');

  // Every status any engine shows, in order, until the export is ready.
  await page.evaluate(() => {
    window.__engineStatus = [];
    new MutationObserver(() => {
      for (const li of document.querySelectorAll('[aria-label="Engine status"] li')) {
        const seen = `${li.dataset.engine}:${li.dataset.status}`;
        if (!window.__engineStatus.includes(seen)) window.__engineStatus.push(seen);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await dialog.getByRole('button', { name: 'Export 9 engines' }).click();
  const statuses = dialog.getByRole('list', { name: 'Engine status' }).getByRole('listitem');
  await expectVisible(statuses, 'Per-engine status should show once the job starts');
  await page.waitForFunction(() => {
    const items = [...document.querySelectorAll('[aria-label="Engine status"] li')];
    return items.length === 9 && items.every((li) => li.dataset.status === 'done');
  }, null, { timeout: SLOW });
  await expectVisible(dialog.getByRole('button', { name: 'Download ZIP' }), 'A ready export offers its download', SLOW);
  assert.equal(await dialog.getByRole('progressbar', { name: 'Export progress' }).getAttribute('aria-valuenow'), '100');
  for (const item of await statuses.all()) assert.match(await item.innerText(), /Done\s+\d+ files? · [\d.]+ (bytes?|KB|MB)/);
  t.diagnostic(`engine statuses seen: ${(await page.evaluate(() => window.__engineStatus)).join(', ')}`);
  await page.waitForTimeout(500); // the bar's fill eases to its width
  await shot('exports-dialog-done');

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download ZIP' }).click()]);
  assert.match(download.suggestedFilename(), /^export-world-[a-z0-9]+-[0-9a-f]{8}\.zip$/);
  bundlePath = join(ARTIFACTS, 'exports-bundle.zip');
  await download.saveAs(bundlePath);
  const zip = readFileSync(bundlePath);
  assert.equal(zip.subarray(0, 4).toString('latin1'), 'PK\u0003\u0004');
  const exports = await apiCall('GET', `/api/worlds/${worldId}/exports`, proToken);
  assert.equal(exports[0].bundle.size, zip.length, 'The download should be the whole bundle');
  bundleKeyId = exports[0].bundle.keyId;

  // Reopened, the dialog lists the export among the earlier ones.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const earlier = page.getByRole('dialog').getByRole('list', { name: 'Earlier exports' }).getByRole('listitem');
  await expectVisible(earlier.getByText('JSON + PNG layers, Tiled, Godot 4'), 'The earlier export should be listed');
  await expectVisible(earlier.getByRole('button', { name: /^Download the export of/ }));
  await shot('exports-dialog-earlier');
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
});

test('verify page offline: the downloaded bundle is valid, a tampered copy names the changed file; the projects list loads offline', { timeout: 180_000 }, async () => {
  assert.ok(bundlePath && bundleKeyId, 'needs the bundle from the previous test');
  // Online first: the service worker installs and takes control, and the dashboard's list passes through it once.
  await page.goto(`${BASE}/verify`);
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 30_000 }).catch(async () => {
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 30_000 });
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
  await expectVisible(page.getByRole('link', { name: projectName }), 'The dashboard should list the project online');

  await context.setOffline(true);
  try {
    const health = await page.evaluate(() => fetch('/health', { cache: 'no-store' }).then((r) => r.status, () => 'unreachable'));
    assert.equal(health, 'unreachable', 'The server must really be out of reach for this test to mean anything');

    await page.goto(`${BASE}/verify`);
    await expectVisible(page.getByRole('heading', { name: 'Verify a bundle', level: 1 }), 'The verify page should open offline');
    await page.getByLabel('Bundle ZIP').setInputFiles(bundlePath);
    await expectVisible(page.getByTestId('verify-result').getByText(`Valid, signed by ${bundleKeyId}`), 'The downloaded bundle should verify offline', 60_000);
    await expectVisible(page.getByRole('table', { name: 'Files' }).getByText('tiled/README.txt'));
    await shot('exports-verify-valid');

    const zip = readFileSync(bundlePath);
    const png = storedPng(zip);
    zip[png.start + Math.floor(png.size / 2)] ^= 0x01;
    const tamperedPath = join(ARTIFACTS, 'exports-bundle-tampered.zip');
    writeFileSync(tamperedPath, zip);
    // Dropped on the drop zone this time, as a hand would drag it from the file manager.
    await page.getByTestId('dropzone').evaluate((zone, b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'exports-bundle-tampered.zip', { type: 'application/zip' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, zip.toString('base64'));
    const result = page.getByTestId('verify-result');
    await expectVisible(result.getByText('Not valid: 1 problem'), 'A tampered bundle should not verify', 60_000);
    await expectVisible(result.getByText(`changed: ${png.name}`), 'The problem should name the changed file');
    await shot('exports-verify-tampered');

    await page.goto(`${BASE}/`);
    await expectVisible(page.getByTestId('offline'), 'The app should say it is offline');
    await expectVisible(page.getByRole('link', { name: projectName }), 'The saved projects list should show offline', 30_000);
    await shot('exports-dashboard-offline');
  } finally {
    await context.setOffline(false);
  }
});

test('no server errors or page errors occurred', () => {
  assert.deepEqual(serverErrors, [], `API errors: ${serverErrors.join(', ')}`);
  assert.deepEqual(pageErrors, [], `Page errors: ${pageErrors.join(', ')}`);
});
