// End-to-end encrypted chat in the browser: two users in two browser contexts, each with its own device keys
// (IndexedDB), chat in an encrypted room and in a direct conversation; the server only ever holds `e1.` envelopes.
//
// ./test runs it against a real `loom serve` after chat.e2e.test.mjs (same env vars: LOOM_URL, LOOM_CHROMIUM).
// Screenshots: tests/e2e/artifacts/chat-e2e-a.png, chat-e2e-b.png (encrypted room), chat-e2e-dm-a.png, chat-e2e-dm-b.png
// (a DM with the devices panel open), chat-e2e-new-device.png (Bob's second browser before it has the key),
// chat-e2e-new-device-a.png (Alice told about Bob's new device).
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
const { pageErrors, expectVisible, expectHidden, eventually, openAs: openIn } = suiteKit('chat-e2e', TIMEOUT);
const openAs = (user) => openIn(browser, user);

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

test('an encrypted room: both read each other, the server holds envelopes only, a removed member is rotated out', async () => {
  // First use of chat registers a device in each browser.
  await a.getByRole('link', { name: /^Chat/ }).click();
  await expectVisible(a, a.getByText('Connected'), 'Alice: chat socket did not connect');
  await b.getByRole('link', { name: /^Chat/ }).click();
  await expectVisible(b, b.getByText('Connected'), 'Bob: chat socket did not connect');
  const [aDevice] = await eventually(async () => ((await devicesOf('alice')).length === 1 ? devicesOf('alice') : null), 'Alice\u2019s browser registered no device');
  const [bDevice] = await eventually(async () => ((await devicesOf('bob')).length === 1 ? devicesOf('bob') : null), 'Bob\u2019s browser registered no device');
  assert.match(aDevice.name, /^Web/);

  // Alice makes an encrypted invite-only room; Bob joins with a code.
  await a.getByRole('button', { name: 'New room' }).click();
  await a.getByLabel('Room name').fill(roomName);
  await a.getByLabel('Kind').selectOption('invite_only');
  await a.getByLabel('End-to-end encrypted').check();
  await a.getByRole('button', { name: 'Create room' }).click();
  await expectVisible(a, a.getByRole('heading', { name: `# ${roomName}` }), 'Alice: the new room did not open');
  const roomId = new URL(a.url()).pathname.split('/').pop();
  const created = await apiCall('GET', `/api/chat/rooms/${roomId}`, undefined, tokens.alice);
  assert.equal(created.encrypted, true);
  assert.equal(created.keyEpoch, 0);
  await a.getByRole('button', { name: 'Create invite' }).click();
  const code = (await a.getByTestId('invite-code').innerText()).trim();
  await b.getByLabel('Invite code').fill(code);
  await b.getByRole('button', { name: 'Join with code' }).click();
  await expectVisible(b, b.getByRole('heading', { name: `# ${roomName}` }), 'Bob: joining with the code did not open the room');

  // Alice's first message makes epoch 1 (wrapped for both devices); Bob reads it opened, with the lock.
  const aInput = a.getByLabel(`Message ${roomName}`);
  await aInput.fill('The key is under the third barrel');
  await aInput.press('Enter');
  await expectVisible(b, message(b, 'The key is under the third barrel'), 'Bob did not read Alice\u2019s encrypted message');
  await expectVisible(b, message(b, 'The key is under the third barrel').getByRole('img', { name: 'end-to-end encrypted' }));
  await expectHidden(a, a.getByTestId('pending-message'), 'Alice\u2019s message stayed pending (no ack)');

  const bInput = b.getByLabel(`Message ${roomName}`);
  await bInput.fill('Which barrel, counting from the door?');
  await bInput.press('Enter');
  await expectVisible(a, message(a, 'Which barrel, counting from the door?'), 'Alice did not read Bob\u2019s encrypted reply');

  // Alice edits: the edit is sealed too, and Bob reads it.
  await message(a, 'The key is under the third barrel').getByRole('button', { name: 'Edit', exact: true }).click();
  await a.getByLabel('Edit message').fill('The key is under the fourth barrel');
  await a.getByRole('button', { name: 'Save' }).click();
  await expectVisible(b, message(b, 'The key is under the fourth barrel'), 'Bob did not read the encrypted edit');

  await a.screenshot({ path: join(ARTIFACTS, 'chat-e2e-a.png'), fullPage: true });
  await b.screenshot({ path: join(ARTIFACTS, 'chat-e2e-b.png'), fullPage: true });

  // What the server stores and serves: envelopes, never the text.
  const stored = await apiCall('GET', `/api/chat/rooms/${roomId}/messages?limit=50`, undefined, tokens.alice);
  assert.equal(stored.length, 2);
  for (const m of stored) {
    assert.match(m.body, /^e1\.[A-Za-z0-9_-]+$/);
    assert.equal(epochOf(m.body), 1);
    assert.ok(!/barrel/i.test(m.body));
  }
  const edited = stored.find((m) => m.edited);
  const history = await apiCall('GET', `/api/chat/messages/${edited.id}/history`, undefined, tokens.alice);
  assert.ok(history.length === 1 && history[0].body.startsWith('e1.'), 'the earlier revision is an envelope too');
  const bKeys = await apiCall('GET', `/api/chat/rooms/${roomId}/keys?deviceId=${bDevice.id}`, undefined, tokens.bob);
  assert.deepEqual(bKeys.map((k) => k.epoch), [1]);

  // Alice removes Bob: the room must rotate; Alice's next send makes epoch 2 for her devices only.
  await apiCall('POST', `/api/chat/rooms/${roomId}/members/${ids.bob}/kick`, {}, tokens.alice);
  await eventually(async () => (await apiCall('GET', `/api/chat/rooms/${roomId}`, undefined, tokens.alice)).keyRotationNeeded, 'kicking did not mark the room for rotation');
  await aInput.fill('Bob is gone; the barrels stay shut');
  await aInput.press('Enter');
  await expectVisible(a, message(a, 'Bob is gone; the barrels stay shut'));
  await expectHidden(a, a.getByTestId('pending-message'), 'Alice\u2019s message after the kick was not stored');
  const afterKick = await apiCall('GET', `/api/chat/rooms/${roomId}/messages?limit=1`, undefined, tokens.alice);
  assert.equal(epochOf(afterKick[0].body), 2, 'the first message after the kick is under a new epoch');
  const room = await apiCall('GET', `/api/chat/rooms/${roomId}`, undefined, tokens.alice);
  assert.equal(room.keyEpoch, 2);
  assert.equal(room.keyRotationNeeded, false);
  const covered = (await apiCall('GET', `/api/chat/rooms/${roomId}/devices`, undefined, tokens.alice)).map((d) => d.id);
  assert.deepEqual(covered, [aDevice.id], 'epoch 2 was wrapped for Alice\u2019s device only');
  // Bob's device holds epoch 1 only, and he can no longer ask for anything in the room.
  await assert.rejects(apiCall('GET', `/api/chat/rooms/${roomId}/keys?deviceId=${bDevice.id}`, undefined, tokens.bob), (e) => e.status === 403 || e.status === 404);
  await assert.rejects(apiCall('GET', `/api/chat/rooms/${roomId}/messages`, undefined, tokens.bob), (e) => e.status === 403 || e.status === 404);
  await expectHidden(b, message(b, 'Bob is gone'), 'Bob saw a message sent after he was removed');
  assert.deepEqual(pageErrors, []);
});

test('a direct conversation is encrypted, survives a reload (keys in IndexedDB), shows the same safety number to both, and reaches a new device', async () => {
  // Alice finds Bob by name (GET /api/chat/users?q=) and opens a DM with him.
  await a.getByRole('button', { name: 'New direct message' }).click();
  await a.getByLabel('Person (name or user id)').fill(`Bob ${runId}`);
  await a.getByRole('button', { name: 'Find' }).click();
  await a.getByRole('button', { name: `Message Bob ${runId}` }).click();
  await expectVisible(a, a.getByRole('heading', { name: `@ Bob ${runId}` }), 'Alice: the DM did not open');
  const dmId = new URL(a.url()).pathname.split('/').pop();
  const aInput = a.locator('#chat-input');
  await aInput.fill('Psst, Bob: meet me by the well');
  await aInput.press('Enter');
  await expectHidden(a, a.getByTestId('pending-message'), 'Alice\u2019s DM stayed pending');

  // Bob reloads: the same device (from IndexedDB) opens it; no second device is registered.
  await b.goto(`${BASE}/chat`);
  await expectVisible(b, b.getByText('Connected'));
  const dmLink = b.getByRole('list', { name: 'Direct messages' }).getByRole('link', { name: `@ Alice ${runId}` });
  await expectVisible(b, dmLink, 'Bob\u2019s sidebar lists no DM');
  await dmLink.first().click();
  await expectVisible(b, message(b, 'Psst, Bob: meet me by the well'), 'Bob did not read the DM');
  assert.equal((await devicesOf('bob')).length, 1, 'a reload must reuse the stored device');
  const bInput = b.locator('#chat-input');
  await bInput.fill('At noon, then');
  await bInput.press('Enter');
  await expectVisible(a, message(a, 'At noon, then'), 'Alice did not read Bob\u2019s DM reply');

  const stored = await apiCall('GET', `/api/chat/rooms/${dmId}/messages`, undefined, tokens.bob);
  assert.equal(stored.length, 2);
  for (const m of stored) assert.ok(m.body.startsWith('e1.') && !/well|noon/.test(m.body));

  // Both compare the safety number of their two devices: the same 60 digits.
  await a.getByRole('button', { name: 'Devices', exact: true }).click();
  await b.getByRole('button', { name: 'Devices', exact: true }).click();
  const number = async (page) => {
    await expectVisible(page, page.getByTestId('safety-number'));
    return (await page.getByTestId('safety-number').first().locator('code').innerText()).trim();
  };
  const na = await number(a);
  assert.match(na, /^(\d{5} ){9}\d{5}$/);
  assert.equal(await number(b), na);

  await a.screenshot({ path: join(ARTIFACTS, 'chat-e2e-dm-a.png'), fullPage: true });
  await b.screenshot({ path: join(ARTIFACTS, 'chat-e2e-dm-b.png'), fullPage: true });

  // Bob on a second browser is a new device: no key yet, so the bodies stay closed (never shown as ciphertext)...
  const b2 = await openAs(bob);
  await b2.goto(`${BASE}/chat/${dmId}`);
  await expectVisible(b2, b2.getByText('can\u2019t decrypt (no key for this device yet)'), 'a new device should show the no-key placeholder');
  assert.equal((await devicesOf('bob')).length, 2);
  assert.equal(await b2.getByText('Psst, Bob').count(), 0);
  await b2.screenshot({ path: join(ARTIFACTS, 'chat-e2e-new-device.png'), fullPage: true });
  // ...until Alice's page, opening the conversation again, wraps the current key for it; then they open.
  await a.getByRole('link', { name: new RegExp(`# ${roomName}`) }).click();
  await expectVisible(a, a.getByRole('heading', { name: `# ${roomName}` }));
  await a.getByRole('list', { name: 'Direct messages' }).getByRole('link').first().click();
  await expectVisible(a, message(a, 'At noon, then'));
  // Alice's page flags the device it has not seen before, to compare safety numbers.
  await expectVisible(a, a.getByTestId('new-devices').getByText(`Bob ${runId}`, { exact: false }), 'Alice was not told about Bob\u2019s new device');
  await a.screenshot({ path: join(ARTIFACTS, 'chat-e2e-new-device-a.png'), fullPage: true });
  await a.getByTestId('new-devices').getByRole('button', { name: 'Dismiss' }).click();
  await expectHidden(a, a.getByTestId('new-devices'));
  await expectVisible(b2, message(b2, 'Psst, Bob: meet me by the well'), 'the new device did not get the key from Alice\u2019s page');
  await expectVisible(b2, message(b2, 'At noon, then'));
  await b2.context().close();
  assert.deepEqual(pageErrors, []);
});

test('my devices: the list marks this browser and revokes another device of mine', async () => {
  const before = await devicesOf('bob');
  assert.equal(before.filter((d) => !d.revokedAt).length, 2, 'Bob should have this browser and the second one');
  await b.getByRole('button', { name: 'My devices' }).click();
  const rows = b.getByTestId('my-device');
  await expectVisible(b, rows.nth(1), 'My devices did not list both devices');
  assert.equal(await rows.count(), 2);
  const mine = rows.filter({ hasText: 'this browser' });
  assert.equal(await mine.count(), 1);
  assert.equal(await mine.getByRole('button', { name: 'Revoke' }).count(), 0, 'this browser must not offer to revoke itself');
  await b.screenshot({ path: join(ARTIFACTS, 'chat-e2e-my-devices.png'), fullPage: true });

  b.once('dialog', (dialog) => dialog.accept());
  await rows.filter({ hasNotText: 'this browser' }).getByRole('button', { name: 'Revoke' }).click();
  await expectVisible(b, rows.filter({ hasText: 'revoked' }), 'the revoked device is not shown as revoked');
  await eventually(async () => (await devicesOf('bob')).filter((d) => d.revokedAt).length === 1, 'the server did not revoke the device');
  const left = (await devicesOf('bob')).filter((d) => !d.revokedAt);
  assert.equal(left.length, 1);
  assert.equal(await mine.count(), 1);
  assert.deepEqual(pageErrors, []);
});
