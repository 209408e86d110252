// Files and search in the chat page: two users in two browser contexts, a plain room, the real server.
//
// ./test runs it against a real `loom serve` after chat.e2e.test.mjs (same env vars; see worldloom.e2e.test.mjs for
// running by hand). Alice attaches a 3 MB file and a small PNG (chunk uploads slowed down so the progress bar can be
// seen mid-way, and one chunk failing until Retry resumes the upload), a file over the server's limit is dropped on the
// message list and refused with the size the server allows; Bob downloads the file (its SHA-256 must equal the
// original's), shows the image, and finds the message by search from far back in the room. A file deleted afterwards
// shows as "file removed". Screenshots: tests/e2e/artifacts/chat-files-*.png.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { apiCall, ARTIFACTS, BASE, runId, suiteKit } from './support.mjs';

const TIMEOUT = 20_000;

const alice = { email: `files-a-${runId}@example.test`, password: `loom-pass-${runId}-a1`, displayName: `Alice ${runId}` };
const bob = { email: `files-b-${runId}@example.test`, password: `loom-pass-${runId}-b1`, displayName: `Bob ${runId}` };
const roomName = `Archive ${runId}`;
const word = `xyzzy${runId}`;

let browser;
let a;
let b;
let roomId;
let aliceToken;
const { pageErrors, expectVisible, openAs: openIn } = suiteKit('chat-files', TIMEOUT);
const openAs = (user) => openIn(browser, user, { viewport: { width: 1280, height: 1000 }, acceptDownloads: true });

async function shot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true }).catch(() => {});
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const message = (page, text) => page.locator('[data-testid="chat-message"]').filter({ has: page.locator('.chat-msg__body', { hasText: text }) });
const upload = (page, name) => page.getByTestId('upload').filter({ hasText: name });

before(async () => {
  assert.ok(BASE, 'Set LOOM_URL, e.g. http://127.0.0.1:5099');
  mkdirSync(ARTIFACTS, { recursive: true });
  await apiCall('POST', '/api/auth/register', alice);
  await apiCall('POST', '/api/auth/register', bob);
  aliceToken = (await apiCall('POST', '/api/auth/login', { email: alice.email, password: alice.password })).accessToken;
  const bobToken = (await apiCall('POST', '/api/auth/login', { email: bob.email, password: bob.password })).accessToken;
  roomId = (await apiCall('POST', '/api/chat/rooms', { name: roomName, topic: 'Maps and ledgers', kind: 'public' }, aliceToken)).id;
  await apiCall('POST', `/api/chat/rooms/${roomId}/join`, undefined, bobToken);
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

test('files: upload with progress, resume, size limit; download equals the original; image; removed file', async () => {
  const big = randomBytes(3 * 1024 * 1024 + 12_345);
  // A real PNG: a corner of Alice's own page.
  await a.goto(`${BASE}/chat/${roomId}`);
  await expectVisible(a, a.getByText('Connected'), 'Alice: chat socket did not connect');
  const png = await a.screenshot({ clip: { x: 0, y: 0, width: 96, height: 64 } });

  // Slow every chunk PUT so the bar is seen mid-way; make chunk 1 fail (all its tries) until we let it through.
  let failChunkOne = true;
  await a.route('**/api/chat/files/*/chunks/*', async (route) => {
    if (route.request().method() !== 'PUT') return route.continue();
    if (failChunkOne && route.request().url().endsWith('/chunks/1')) return route.abort('connectionreset');
    await new Promise((r) => setTimeout(r, 500));
    return route.continue();
  });

  await a.getByTestId('attach-input').setInputFiles([
    { name: 'ledger.bin', mimeType: 'application/octet-stream', buffer: big },
    { name: 'corner.png', mimeType: 'image/png', buffer: png },
  ]);
  await expectVisible(a, upload(a, 'ledger.bin'), 'Alice: the upload row did not appear');
  // Mid-upload: the bar is above 0 and below 100.
  await a.waitForFunction(
    () => {
      const bar = [...document.querySelectorAll('[data-testid="upload"] progress')].find((p) => p.getAttribute('aria-label') === 'Uploading ledger.bin');
      return bar && bar.value > 0 && bar.value < 100;
    },
    null,
    { timeout: TIMEOUT },
  );
  await shot(a, 'chat-files-progress.png');
  assert.equal(await a.getByRole('button', { name: 'Send' }).isDisabled(), true, 'Send must wait for uploads in flight');

  // Chunk 1 keeps failing: the row says so and offers Retry; Retry (after the network is back) resumes.
  await expectVisible(a, a.getByRole('button', { name: 'Retry ledger.bin' }), 'Alice: a failing chunk did not offer Retry');
  await shot(a, 'chat-files-failed.png');
  failChunkOne = false;
  await a.getByRole('button', { name: 'Retry ledger.bin' }).click();
  await expectVisible(a, upload(a, 'ledger.bin').filter({ hasText: 'ready' }), 'Alice: the resumed upload did not finish');
  await expectVisible(a, upload(a, 'corner.png').filter({ hasText: 'ready' }), 'Alice: the PNG did not finish');
  assert.equal(await upload(a, 'ledger.bin').locator('progress').getAttribute('value'), '100');
  await a.unroute('**/api/chat/files/*/chunks/*');

  // A file over the server's limit, dropped on the message list: refused before any byte is sent, with the limit.
  await a.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([new ArrayBuffer(100_000_001)], 'too-big.iso', { type: 'application/octet-stream' }));
    const list = document.querySelector('.chat-messages');
    list.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    list.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await expectVisible(a, upload(a, 'too-big.iso').getByText(/Too large — size: must be at most 100000000 bytes/), 'Alice: the 413 was not shown with the size');
  await shot(a, 'chat-files-too-large.png');
  await a.getByRole('button', { name: 'Remove too-big.iso' }).click();

  // Send with a caption: Bob sees both files.
  const caption = `The ledger and a map ${word}`;
  await a.getByLabel(`Message ${roomName}`).fill(caption);
  await a.getByLabel(`Message ${roomName}`).press('Enter');
  await b.goto(`${BASE}/chat/${roomId}`);
  await expectVisible(b, b.getByText('Connected'), 'Bob: chat socket did not connect');
  const sent = message(b, caption);
  await expectVisible(b, sent, 'Bob did not see Alice\u2019s message');
  await expectVisible(b, sent.getByTestId('attachment').filter({ hasText: 'ledger.bin' }), 'Bob did not see the attachment');
  assert.match(await sent.getByTestId('attachment').filter({ hasText: 'ledger.bin' }).innerText(), /3\.2 MB/);

  // Download: the bytes Bob saves are the bytes Alice attached.
  const [download] = await Promise.all([
    b.waitForEvent('download', { timeout: TIMEOUT }).catch(async (e) => {
      await shot(b, `FAILED-chat-files-download-${Date.now()}.png`);
      throw e;
    }),
    sent.getByRole('button', { name: 'Download ledger.bin' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'ledger.bin');
  const got = readFileSync(await download.path());
  assert.equal(got.length, big.length);
  assert.equal(sha256(got), sha256(big), 'the downloaded file differs from the original');

  // The image: shown as a thumbnail after its download.
  await sent.getByRole('button', { name: 'Show image' }).click();
  const img = sent.getByRole('img', { name: 'corner.png' });
  await expectVisible(b, img, 'Bob: the image was not shown');
  await b.waitForFunction((el) => el.complete && el.naturalWidth === 96, await img.elementHandle(), { timeout: TIMEOUT });
  await shot(b, 'chat-files-b.png');
  await shot(a, 'chat-files-a.png');

  // Alice deletes the PNG: Bob, fresh, is told the file was removed.
  const page = await apiCall('GET', `/api/chat/rooms/${roomId}/messages?limit=100`, undefined, aliceToken);
  const pngFile = page.find((m) => m.body === caption).attachments.find((f) => f.name === 'corner.png');
  await apiCall('DELETE', `/api/chat/files/${pngFile.fileId}`, undefined, aliceToken);
  await b.reload();
  const again = message(b, caption);
  await expectVisible(b, again);
  await again.getByRole('button', { name: 'Show image' }).click();
  await expectVisible(b, again.getByText('file removed'), 'Bob: a deleted file did not show as removed');
  await shot(b, 'chat-files-removed.png');

  assert.deepEqual(pageErrors, []);
});

test('search finds a message far back in the room and opens it loaded, scrolled to and highlighted', async () => {
  const text = `Where the ${word} sleeps <b>not bold</b>`;
  await apiCall('POST', `/api/chat/rooms/${roomId}/messages`, { body: text, clientId: `find-${runId}` }, aliceToken);
  // 60 newer messages: the found one is not in the newest page of 50.
  for (let i = 0; i < 60; i++) {
    await apiCall('POST', `/api/chat/rooms/${roomId}/messages`, { body: `filler ${i}`, clientId: `fill-${runId}-${i}` }, aliceToken);
  }
  await b.goto(`${BASE}/chat`);
  await expectVisible(b, b.getByText('Connected'));
  await b.getByRole('searchbox', { name: 'Search messages' }).fill(word);
  await b.getByRole('button', { name: 'Search', exact: true }).click();
  const result = b.getByTestId('search-result').filter({ hasText: 'sleeps' });
  await expectVisible(b, result, 'Bob: search did not find the message');
  assert.equal((await result.locator('mark').first().innerText()).toLowerCase(), word.toLowerCase());
  assert.equal(await result.locator('b').count(), 0, 'a highlight was rendered as HTML');
  await shot(b, 'chat-files-search.png');
  await result.click();
  await expectVisible(b, b.getByRole('heading', { name: `# ${roomName}` }), 'Bob: the result did not open its room');
  const found = message(b, 'sleeps');
  await expectVisible(b, found, 'Bob: the found message was not loaded');
  await b.waitForFunction(() => document.querySelector('.chat-msg--found') !== null, null, { timeout: TIMEOUT });
  assert.equal(await found.evaluate((el) => el.classList.contains('chat-msg--found')), true, 'the found message is not highlighted');
  const box = await found.boundingBox();
  const list = await b.locator('.chat-messages').boundingBox();
  assert.ok(box && list && box.y >= list.y - 1 && box.y + box.height <= list.y + list.height + 1, 'the found message is not scrolled into view');
  await shot(b, 'chat-files-found.png');
  assert.equal(await b.getByText('filler 0', { exact: true }).count(), 1, 'the messages after the found one are loaded too (no gap)');
  assert.equal(await b.getByText('filler 59', { exact: true }).count(), 1);
  assert.deepEqual(pageErrors, []);
});

test('a link to a message far back (?message=id, no search) loads it, scrolls to it and highlights it', async () => {
  const { results } = await apiCall('GET', `/api/chat/search?q=${encodeURIComponent(word)}&room=${roomId}`, undefined, aliceToken);
  const hit = results.find((r) => r.message.body?.includes('sleeps'));
  assert.ok(hit, 'the earlier test\u2019s message was not found by search');
  const id = hit.message.id;
  const fresh = await b.context().newPage();
  await fresh.goto(`${BASE}/chat/${roomId}?message=${id}`);
  const target = message(fresh, 'sleeps');
  await expectVisible(fresh, target, 'the linked message was not loaded');
  await fresh.waitForFunction(() => document.querySelector('.chat-msg--found') !== null, null, { timeout: TIMEOUT });
  const box = await target.boundingBox();
  const list = await fresh.locator('.chat-messages').boundingBox();
  assert.ok(box && list && box.y >= list.y - 1 && box.y + box.height <= list.y + list.height + 1, 'the linked message is not scrolled into view');
  await expectVisible(fresh, fresh.getByText('filler 59', { exact: true }));
  // A link to a message that does not exist leaves the room at its newest messages, and the parameter is dropped.
  await fresh.goto(`${BASE}/chat/${roomId}?message=00000000-0000-0000-0000-000000000000`);
  await expectVisible(fresh, fresh.getByText('filler 59', { exact: true }), 'an unknown message id broke the room');
  await fresh.waitForURL((url) => !url.search.includes('message='), { timeout: TIMEOUT });
  await fresh.close();
  assert.deepEqual(pageErrors, []);
});
