// Chat in the browser: two users in two browser contexts talk in one room over the real WebSocket.
//
// ./test runs it against a real `loom serve` (see worldloom.e2e.test.mjs for running by hand; same env vars).
// Screenshots of both users' pages: tests/e2e/artifacts/chat-a.png and chat-b.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { apiCall, ARTIFACTS, BASE, runId, suiteKit } from './support.mjs';

const TIMEOUT = 15_000;

const alice = { email: `chat-a-${runId}@example.test`, password: `loom-pass-${runId}-a1`, displayName: `Alice ${runId}` };
const bob = { email: `chat-b-${runId}@example.test`, password: `loom-pass-${runId}-b1`, displayName: `Bob ${runId}` };
const roomName = `Tavern ${runId}`;

let browser;
let a;
let b;
const { pageErrors, expectVisible, expectHidden, openAs: openIn } = suiteKit('chat', TIMEOUT);
const openAs = (user) => openIn(browser, user);

// A message by its own body (a reply also shows its parent's text, quoted).
const message = (page, text) => page.locator('[data-testid="chat-message"]').filter({ has: page.locator('.chat-msg__body', { hasText: text }) });

before(async () => {
  assert.ok(BASE, 'Set LOOM_URL, e.g. http://127.0.0.1:5099');
  mkdirSync(ARTIFACTS, { recursive: true });
  await apiCall('POST', '/api/auth/register', alice);
  await apiCall('POST', '/api/auth/register', bob);
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

test('two users chat live: invite, messages, thread, reaction, edit, delete, typing, unread', async () => {
  // Alice makes an invite-only room and an invite.
  await a.getByRole('link', { name: 'Chat' }).click();
  await expectVisible(a, a.getByRole('heading', { name: 'Chat', level: 1 }));
  await expectVisible(a, a.getByText('Connected'), 'Alice: chat socket did not connect');
  await a.getByRole('button', { name: 'New room' }).click();
  await a.getByLabel('Room name').fill(roomName);
  await a.getByLabel('Topic').fill('Stories by the fire');
  await a.getByLabel('Kind').selectOption('invite_only');
  await a.getByRole('button', { name: 'Create room' }).click();
  await expectVisible(a, a.getByRole('heading', { name: `# ${roomName}` }), 'Alice: the new room did not open');
  await a.getByRole('button', { name: 'Create invite' }).click();
  const code = (await a.getByTestId('invite-code').innerText()).trim();
  assert.match(code, /^[A-Za-z0-9_-]{22}$/);

  // Bob joins with the code.
  await b.getByRole('link', { name: 'Chat' }).click();
  await expectVisible(b, b.getByText('Connected'), 'Bob: chat socket did not connect');
  await b.getByLabel('Invite code').fill(code);
  await b.getByRole('button', { name: 'Join with code' }).click();
  await expectVisible(b, b.getByRole('heading', { name: `# ${roomName}` }), 'Bob: joining with the code did not open the room');

  // Alice types: Bob sees the typing indicator; Alice sends: Bob sees the message live.
  const aInput = a.getByLabel(`Message ${roomName}`);
  await aInput.fill('Hello from Alice');
  await expectVisible(b, b.getByTestId('typing').getByText(/is typing…/), 'Bob did not see Alice typing');
  await aInput.press('Enter');
  await expectVisible(b, message(b, 'Hello from Alice'), 'Bob did not see Alice\u2019s message live');
  await expectHidden(a, a.getByTestId('pending-message'), 'Alice\u2019s message stayed pending (no ack)');

  // Bob replies in a thread; Alice sees the quoted parent and the thread.
  await message(b, 'Hello from Alice').getByRole('button', { name: 'Reply', exact: true }).click();
  await expectVisible(b, b.getByTestId('replying-to'));
  const bInput = b.getByLabel(`Message ${roomName}`);
  await bInput.fill('Reply from Bob');
  await bInput.press('Enter');
  const replyAtA = message(a, 'Reply from Bob');
  await expectVisible(a, replyAtA, 'Alice did not see Bob\u2019s reply');
  await expectVisible(a, replyAtA.getByTestId('quoted-parent').getByText('Hello from Alice'));
  await message(a, 'Hello from Alice').getByRole('button', { name: 'Thread (1)' }).click();
  await expectVisible(a, a.getByTestId('thread-replies').getByText('Reply from Bob'), 'The thread did not list the reply');

  // Alice reacts; Bob sees the count.
  await message(a, 'Hello from Alice').getByRole('button', { name: 'React', exact: true }).click();
  await a.getByRole('button', { name: 'React 👍' }).click();
  await expectVisible(b, message(b, 'Hello from Alice').getByRole('button', { name: '👍 1' }), 'Bob did not see the reaction');

  // Alice edits; Bob sees "edited" and the history.
  await message(a, 'Hello from Alice').getByRole('button', { name: 'Edit', exact: true }).click();
  await a.getByLabel('Edit message').fill('Hello from Alice, edited');
  await a.getByRole('button', { name: 'Save' }).click();
  const editedAtB = message(b, 'Hello from Alice, edited');
  await expectVisible(b, editedAtB, 'Bob did not see the edit');
  await editedAtB.getByRole('button', { name: 'edited' }).click();
  await expectVisible(b, b.getByRole('dialog', { name: 'Edit history' }).getByText('Hello from Alice', { exact: false }));

  // Alice sends and deletes a message; Bob sees the tombstone.
  await aInput.fill('Oops, wrong room');
  await aInput.press('Enter');
  await expectVisible(b, message(b, 'Oops, wrong room'));
  await message(a, 'Oops, wrong room').getByRole('button', { name: 'Delete' }).click();
  await expectVisible(b, b.getByText('message deleted'), 'Bob did not see the tombstone');
  await expectHidden(b, message(b, 'Oops, wrong room'));

  await a.screenshot({ path: join(ARTIFACTS, 'chat-a.png'), fullPage: true });

  // Bob goes elsewhere; Alice writes; Bob's nav shows an unread badge, and reading clears it.
  await b.getByRole('link', { name: 'Jobs' }).click();
  await expectVisible(b, b.getByRole('heading', { name: 'Jobs', level: 1 }));
  await aInput.fill('Are you still there, Bob?');
  await aInput.press('Enter');
  await expectVisible(b, b.getByTestId('chat-unread').getByText('1', { exact: true }), 'Bob got no unread badge');
  await b.getByRole('link', { name: /^Chat/ }).click();
  await expectVisible(b, b.getByTestId('room-unread'), 'Bob\u2019s room list shows no unread badge');
  await b.getByRole('link', { name: `# ${roomName}` }).click();
  await expectVisible(b, message(b, 'Are you still there, Bob?'));
  await expectHidden(b, b.getByTestId('chat-unread'), 'Reading the room did not clear the badge');
  await b.screenshot({ path: join(ARTIFACTS, 'chat-b.png'), fullPage: true });

  assert.deepEqual(pageErrors, []);
});

test('a public room is listed for others to join', async () => {
  const square = `Square ${runId}`;
  await a.getByRole('link', { name: /^Chat/ }).click();
  await a.getByRole('button', { name: 'New room' }).click();
  await a.getByLabel('Room name').fill(square);
  await a.getByLabel('Kind').selectOption('public');
  await a.getByRole('button', { name: 'Create room' }).click();
  await expectVisible(a, a.getByRole('heading', { name: `# ${square}` }));

  await b.getByRole('link', { name: 'Jobs' }).click();
  await b.getByRole('link', { name: /^Chat/ }).click();
  // A refused request is said, not swallowed.
  await b.getByLabel('Invite code').fill('no-such-invite-code-000');
  await b.getByRole('button', { name: 'Join with code' }).click();
  await expectVisible(b, b.getByRole('alert'), 'A bad invite code showed no error');
  await b.getByRole('button', { name: `Join ${square}` }).click();
  await expectVisible(b, b.getByRole('heading', { name: `# ${square}` }), 'Bob could not join the public room');
  const bInput = b.getByLabel(`Message ${square}`);
  await bInput.fill('First!');
  await bInput.press('Shift+Enter');
  await bInput.pressSequentially('On two lines');
  await bInput.press('Enter');
  await expectVisible(a, message(a, 'On two lines'), 'Alice did not see Bob\u2019s message in the public room');
  assert.equal(await message(a, 'On two lines').locator('.chat-msg__body').innerText(), 'First!\nOn two lines');

  // More than a page of history: Bob pages back with "Load earlier messages".
  const token = (await apiCall('POST', '/api/auth/login', { email: alice.email, password: alice.password })).accessToken;
  const roomId = new URL(a.url()).pathname.split('/').pop();
  for (let i = 1; i <= 60; i++) {
    await apiCall('POST', `/api/chat/rooms/${roomId}/messages`, { body: `Backlog line ${i}.`, clientId: `bulk-${i}` }, token);
  }
  await expectVisible(b, message(b, 'Backlog line 60.'), 'Bob did not see REST posts live');
  await b.getByRole('link', { name: 'Jobs' }).click();
  await b.goto(`${BASE}/chat/${roomId}`);
  await expectVisible(b, message(b, 'Backlog line 60.'));
  assert.equal(await message(b, 'Backlog line 1.').count(), 0, 'the first page should hold only the newest 50');
  await b.getByRole('button', { name: 'Load earlier messages' }).click();
  await expectVisible(b, message(b, 'Backlog line 1.'), 'Paging back did not load older messages');
  assert.deepEqual(pageErrors, []);
});
