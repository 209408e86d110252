// A file in an end-to-end encrypted room, in the browser: Alice attaches it, its key travels sealed in an `e1.`
// envelope (the server holds no readable key), and Bob, in another browser context with his own device, downloads
// the same bytes.
//
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
// ./test runs it against a real `loom serve` after chat-files.e2e.test.mjs (same env vars: LOOM_URL, LOOM_CHROMIUM).
// Screenshot: tests/e2e/artifacts/chat-files-e2ee.png (Bob's page with the downloaded file).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { apiCall, ARTIFACTS, BASE, runId, suiteKit } from './support.mjs';

const TIMEOUT = 20_000;

const alice = { email: `e2e-a-${runId}@example.test`, password: `loom-pass-${runId}-a1`, displayName: `Alice ${runId}` };
const bob = { email: `e2e-b-${runId}@example.test`, password: `loom-pass-${runId}-b1`, displayName: `Bob ${runId}` };
const roomName = `Cellar ${runId}`;

let browser;
let a;
let b;
const { pageErrors, expectVisible, expectHidden, eventually, openAs: openIn } = suiteKit('chat-files-e2ee', TIMEOUT);
const openAs = (user) => openIn(browser, user, { acceptDownloads: true });

// A message by its opened text; in encrypted rooms the body carries the lock.
const message = (page, text) => page.locator('[data-testid="chat-message"]').filter({ has: page.locator('.chat-msg__body', { hasText: text }) });

/** An envelope's epoch: bytes 1–4 (big-endian) of the base64url after "e1." (docs/chat-security.md). */
const epochOf = (envelope) => Buffer.from(envelope.slice(3), 'base64url').readUInt32BE(1);

const tokens = {};
const ids = {};

before(async () => {
  assert.ok(BASE, 'Set LOOM_URL, e.g. http://127.0.0.1:5099');
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const [name, user] of [['alice', alice], ['bob', bob]]) {
    await apiCall('POST', '/api/auth/register', user);
    tokens[name] = (await apiCall('POST', '/api/auth/login', { email: user.email, password: user.password })).accessToken;
    ids[name] = (await apiCall('GET', '/api/me', undefined, tokens[name])).id;
  }
  browser = await chromium.launch({
    executablePath: process.env.LOOM_CHROMIUM ?? '/usr/bin/chromium',
    headless: !process.env.LOOM_HEADED,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  a = await openAs(alice);
  b = await openAs(bob);
});

after(async () => {
  await browser?.close();
});

/** The devices a user registered (the page registers one on first use of chat). */
const devicesOf = (who) => apiCall('GET', '/api/chat/devices', undefined, tokens[who]);

test('a file in an encrypted room: the key travels sealed, Bob downloads the same bytes', async () => {
  await a.getByRole('link', { name: /^Chat/ }).click();
  await expectVisible(a, a.getByText('Connected'));
  await b.getByRole('link', { name: /^Chat/ }).click();
  await expectVisible(b, b.getByText('Connected'));
  await eventually(async () => (await devicesOf('alice')).length === 1 && (await devicesOf('bob')).length === 1, 'no devices');
  await a.getByRole('button', { name: 'New room' }).click();
  await a.getByLabel('Room name').fill(roomName);
  await a.getByLabel('Kind').selectOption('invite_only');
  await a.getByLabel('End-to-end encrypted').check();
  await a.getByRole('button', { name: 'Create room' }).click();
  await expectVisible(a, a.getByRole('heading', { name: `# ${roomName}` }));
  const roomId = new URL(a.url()).pathname.split('/').pop();
  await a.getByRole('button', { name: 'Create invite' }).click();
  const code = (await a.getByTestId('invite-code').innerText()).trim();
  await b.getByLabel('Invite code').fill(code);
  await b.getByRole('button', { name: 'Join with code' }).click();
  await expectVisible(b, b.getByRole('heading', { name: `# ${roomName}` }));
  const aInput = a.getByLabel(`Message ${roomName}`);
  await aInput.fill('first words');
  await aInput.press('Enter');
  await expectVisible(b, message(b, 'first words'));

  const content = randomBytes(200_000);
  await a.getByTestId('attach-input').setInputFiles([{ name: 'secret.bin', mimeType: 'application/octet-stream', buffer: content }]);
  await expectVisible(a, a.getByTestId('upload').filter({ hasText: 'ready' }));
  await aInput.fill('sealed file');
  await aInput.press('Enter');
  const m = message(b, 'sealed file');
  await expectVisible(b, m.getByTestId('attachment'), 'Bob did not see the attachment');
  const [dl] = await Promise.all([b.waitForEvent('download', { timeout: TIMEOUT }).catch(async (e) => { await b.screenshot({ path: join(ARTIFACTS, 'FAILED-chat-files-e2ee-download.png'), fullPage: true }); console.log(await m.innerText()); throw e; }), m.getByRole('button', { name: 'Download secret.bin' }).click()]);
  const got = readFileSync(await dl.path());
  assert.equal(createHash('sha256').update(got).digest('hex'), createHash('sha256').update(content).digest('hex'));
  const stored = await apiCall('GET', `/api/chat/rooms/${roomId}/messages?limit=10`, undefined, tokens.alice);
  const withFile = stored.find((x) => x.attachments?.length);
  assert.match(withFile.attachments[0].key, /^e1\./);
  await b.screenshot({ path: join(ARTIFACTS, 'chat-files-e2ee.png'), fullPage: true });
  assert.deepEqual(pageErrors, []);
});
