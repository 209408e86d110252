// Worldloom browser end-to-end test (playwright-core driving the system Chromium, node:test runner).
//
// ./test runs it against a real `loom serve` with a fresh data dir and an admin made by `loom admin create`. By hand:
//   cd tests/e2e && npm ci
//   LOOM_URL=http://127.0.0.1:5099 LOOM_ADMIN_EMAIL=admin@example.test LOOM_ADMIN_PASSWORD='…' npm test
// Optional: LOOM_CHROMIUM=/path/to/chromium (default /usr/bin/chromium), LOOM_HEADED=1.
// Full-page screenshots of every page visited are written to tests/e2e/artifacts/<name>.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { ARTIFACTS, BASE, runId } from './support.mjs';

const ADMIN_EMAIL = process.env.LOOM_ADMIN_EMAIL ?? '';
const ADMIN_PASSWORD = process.env.LOOM_ADMIN_PASSWORD ?? '';
const TIMEOUT = 15_000;

const user = {
  email: `e2e-${runId}@example.test`,
  password: `loom-pass-${runId}-ok`,
  displayName: `E2E Tester ${runId}`,
};
const projectName = `Atlas ${runId}`;
const renamedName = `Atlas Renamed ${runId}`;

let browser;
let context;
let page;
const serverErrors = [];
const pageErrors = [];

async function shot(name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

async function expectVisible(locator, message) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: TIMEOUT });
  } catch {
    await shot(`FAILED-${Date.now()}`).catch(() => {});
    assert.fail(message ?? `Expected to be visible: ${locator}`);
  }
}

async function expectHidden(locator, message) {
  try {
    await locator.first().waitFor({ state: 'hidden', timeout: TIMEOUT });
  } catch {
    await shot(`FAILED-${Date.now()}`).catch(() => {});
    assert.fail(message ?? `Expected to be hidden: ${locator}`);
  }
}

async function expectNoAlert() {
  const alerts = page.locator('[role="alert"]');
  const n = await alerts.count();
  for (let i = 0; i < n; i++) {
    if (await alerts.nth(i).isVisible()) assert.fail(`Unexpected error shown: ${await alerts.nth(i).innerText()}`);
  }
}

async function login(email, password) {
  await page.goto(`${BASE}/login`);
  await expectVisible(page.getByRole('heading', { name: 'Log in', level: 1 }));
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expectVisible(page.getByRole('heading', { name: 'Projects', level: 1 }), `Login as ${email} did not reach the dashboard`);
}

async function logout() {
  await page.getByRole('button', { name: 'Log out' }).click();
  await expectVisible(page.getByRole('heading', { name: 'Log in', level: 1 }), 'Log out did not return to the login page');
}

const projectItem = (name) =>
  page.getByRole('list', { name: 'Projects' }).getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: false }) });

before(async () => {
  assert.ok(BASE, 'Set LOOM_URL, e.g. http://127.0.0.1:5099');
  assert.ok(ADMIN_EMAIL && ADMIN_PASSWORD, 'Set LOOM_ADMIN_EMAIL and LOOM_ADMIN_PASSWORD (an existing admin account)');
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.LOOM_CHROMIUM ?? '/usr/bin/chromium',
    headless: !process.env.LOOM_HEADED,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ].filter((a) => !(process.env.LOOM_HEADED && a === '--headless=new')),
  });
});

/** Each test gets its own browser context (fresh localStorage / session). */
async function freshPage() {
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  context.setDefaultTimeout(TIMEOUT);
  page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  page.on('response', (res) => {
    const u = new URL(res.url());
    if (u.pathname.startsWith('/api/') && res.status() >= 500) serverErrors.push(`${res.request().method()} ${u.pathname} -> ${res.status()}`);
    // Secrets must never travel in URLs.
    if (/token/i.test(u.search)) serverErrors.push(`token in URL: ${u.pathname}${u.search}`);
  });
}

after(async () => {
  await browser?.close();
});

test('new user: sign up, log in, create / rename / delete / restore a project', { timeout: 120_000 }, async () => {
  await freshPage();
  // Sign up
  await page.goto(`${BASE}/signup`);
  await expectVisible(page.getByRole('heading', { name: 'Create your account', level: 1 }));
  assert.match(await page.title(), /Worldloom/);
  await expectVisible(page.getByRole('banner').getByText('Worldloom', { exact: true }), 'Header should show the product name');
  await page.getByLabel('Display name').fill(user.displayName);
  await page.getByLabel('Email', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await shot('signup');
  await page.getByRole('button', { name: 'Create account' }).click();

  // Redirected to login with the email prefilled
  await expectVisible(page.getByText(`Account created for ${user.email}`), 'Sign-up did not confirm account creation');
  assert.equal(new URL(page.url()).pathname, '/login');
  assert.equal(await page.getByLabel('Email', { exact: true }).inputValue(), user.email);
  await shot('login');

  // Wrong password shows a problem-details error, not a crash
  await page.getByLabel('Password', { exact: true }).fill('definitely-the-wrong-password');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expectVisible(page.locator('[role="alert"]'), 'A failed login should show an error');
  await shot('login-error');

  // Log in
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expectVisible(page.getByRole('heading', { name: 'Projects', level: 1 }), 'Login did not reach the dashboard');
  const banner = page.getByRole('banner');
  await expectVisible(banner.getByText(user.displayName), 'Header should show the display name');
  await expectVisible(banner.getByText('User', { exact: true }), 'Header should show the role');
  await expectVisible(banner.getByText('Free', { exact: true }), 'Header should show the tier');
  await expectVisible(banner.getByText(/^(Quota \d+\/\d+ this week|Unlimited)$/), 'Header should show the quota');
  await expectVisible(banner.getByRole('button', { name: 'Log out' }));
  await expectNoAlert();

  // Create a project
  await page.getByLabel('Name', { exact: true }).fill(projectName);
  await page.getByLabel('Description').fill('A world stitched together by the e2e suite.');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expectVisible(projectItem(projectName), 'New project should be listed');
  await expectVisible(projectItem(projectName).getByText('A world stitched together by the e2e suite.'));
  await expectNoAlert();
  await shot('dashboard');

  // Rename inline
  await page.getByRole('button', { name: `Rename ${projectName}` }).click();
  const nameInput = page.getByLabel('Project name');
  await expectVisible(nameInput);
  assert.equal(await nameInput.inputValue(), projectName);
  await nameInput.fill(renamedName);
  await shot('dashboard-rename');
  await page.getByRole('button', { name: 'Save' }).click();
  await expectVisible(projectItem(renamedName), 'Renamed project should be listed');
  await expectHidden(page.getByRole('heading', { name: projectName, exact: true }), 'Old name should be gone');
  await expectNoAlert();

  // Survives a reload (session restored from the refresh token, data persisted)
  await page.reload();
  await expectVisible(projectItem(renamedName), 'Renamed project should persist after reload (and the session should be restored)');

  // Soft delete
  await page.getByRole('button', { name: `Delete ${renamedName}` }).click();
  await expectVisible(page.getByText(`Deleted “${renamedName}”.`), 'Delete should be confirmed');
  await expectHidden(projectItem(renamedName), 'Deleted project should leave the list');

  // Show deleted -> restore
  // The switch mirrors the URL (?deleted=1), which the router updates after the click: wait for the URL rather than
  // asking Playwright's check() to see the state flip at once.
  await page.getByLabel(/Show deleted/).click();
  await page.waitForURL((url) => url.searchParams.get('deleted') === '1');
  const deletedItem = projectItem(renamedName);
  await expectVisible(deletedItem.getByText('Deleted', { exact: true }), 'Deleted project should be shown with a Deleted badge');
  await shot('dashboard-deleted');
  await page.getByRole('button', { name: `Restore ${renamedName}` }).click();
  await expectVisible(page.getByText(`Restored “${renamedName}”.`), 'Restore should be confirmed');
  await expectHidden(deletedItem.getByText('Deleted', { exact: true }), 'Restored project should lose its Deleted badge');
  await page.getByLabel(/Show deleted/).click();
  await page.waitForURL((url) => !url.searchParams.has('deleted'));
  await expectVisible(projectItem(renamedName), 'Restored project should be listed without “Show deleted”');
  await page.reload();
  await expectVisible(projectItem(renamedName), 'Restore should persist');
  await expectNoAlert();

  // Jobs page renders (list may be empty for a new account)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
  await expectVisible(page.getByRole('heading', { name: 'Jobs', level: 1 }));
  await page.locator('table, .empty').first().waitFor({ timeout: TIMEOUT });
  await expectNoAlert();
  await shot('jobs');

  // Non-admins get no admin navigation
  assert.equal(await page.getByRole('link', { name: 'Admin' }).count(), 0, 'Regular users must not see the admin link');

  await logout();
});

test('admin: change the new user’s tier, then verify the audit chain', { timeout: 120_000 }, async () => {
  await freshPage();
  await login(ADMIN_EMAIL, ADMIN_PASSWORD);
  await expectVisible(page.getByRole('banner').getByText('Admin', { exact: true }), 'Admin header should show the Admin role');
  await shot('admin-dashboard');

  // Users
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await expectVisible(page.getByRole('heading', { name: 'Users', level: 1 }));
  const row = page.getByRole('row').filter({ hasText: user.email });
  await expectVisible(row, 'The newly registered user should be listed');
  const tier = row.getByLabel(`Tier for ${user.email}`);
  assert.equal(await tier.inputValue(), 'free');
  await tier.selectOption('pro');
  await expectVisible(row.getByText('Tier set to Pro.'), 'Tier change should be confirmed');
  assert.equal(await tier.inputValue(), 'pro');
  await expectNoAlert();
  await shot('admin-users');
  await page.reload();
  await expectVisible(row);
  assert.equal(await row.getByLabel(`Tier for ${user.email}`).inputValue(), 'pro', 'Tier change should persist after reload');

  // Audit log
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Audit log' }).click();
  await expectVisible(page.getByRole('heading', { name: 'Audit log', level: 1 }));
  await expectVisible(page.locator('table tbody tr'), 'Audit log should have entries');
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expectVisible(page.getByText('Chain OK'), 'Audit chain should verify OK');
  await expectVisible(page.getByText(/All [\d,]+ entries verified/));
  await expectNoAlert();
  await shot('admin-audit');

  // Storage: a dry run, then a sweep, each a job followed to its report (nothing here is a day old, so nothing goes)
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Storage' }).click();
  await expectVisible(page.getByRole('heading', { name: 'Storage', level: 1 }));
  await page.getByRole('button', { name: 'Count unreferenced blobs' }).click();
  const report = page.getByTestId('sweep-report');
  await expectVisible(report.getByRole('heading', { name: 'Dry run finished' }), 'The dry run should report');
  await expectVisible(report.getByText('nothing (dry run)'));
  await expectNoAlert();
  await shot('admin-storage');
  await page.getByRole('button', { name: 'Sweep now' }).click();
  await expectVisible(report.getByRole('heading', { name: 'Sweep finished' }), 'The sweep should report');
  await expectVisible(report.getByText(/^0 \(0 bytes\)$/).last(), 'A fresh server has nothing old enough to delete');
  await expectNoAlert();
  await logout();

  // The user now sees the Pro tier in the header
  await login(user.email, user.password);
  await expectVisible(page.getByRole('banner').getByText('Pro', { exact: true }), 'User header should show the new Pro tier');
  await shot('user-pro');
  await logout();
});

test('no server errors or page errors occurred', () => {
  assert.deepEqual(serverErrors, [], `API errors: ${serverErrors.join(', ')}`);
  assert.deepEqual(pageErrors, [], `Page errors: ${pageErrors.join(', ')}`);
});
