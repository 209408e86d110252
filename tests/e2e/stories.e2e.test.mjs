// Stories in the browser: a user creates a scene from the Stories page and watches its first segment's job progress,
// continues it twice from the scene page (live progress each time), plays the stitched HLS playlist in hls.js until
// the video's currentTime is past the end of the first segment (every playlist and part request carrying the token in
// its Authorization header, none in a URL), opens the bible editor (portraits, a refused garment and a refused rule
// shown beside their fields, an accepted rule listed), forks at segment 2, opens the fork tree and clicks back to the original; then another user
// reports the scene, and an admin approves the report from the moderation queue.
//
// ./test runs it against a real `loom serve` started with short, small segments (Loom:Stories:SegmentSeconds=3,
// Loom:Stories:Render 320 × 180 at 12 fps) so that three renders fit a busy machine; see worldloom.e2e.test.mjs for
// running by hand (same env vars). Screenshots: tests/e2e/artifacts/stories-*.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { apiCall, ARTIFACTS, BASE, runId, suiteKit } from './support.mjs';

const ADMIN_EMAIL = process.env.LOOM_ADMIN_EMAIL ?? '';
const ADMIN_PASSWORD = process.env.LOOM_ADMIN_PASSWORD ?? '';
const TIMEOUT = 20_000;
// A segment is narrated, rendered with ffmpeg and packaged by a background job; on a busy machine that takes a while.
const RENDER = 240_000;

const author = { email: `story-${runId}@example.test`, password: `loom-pass-${runId}-s1`, displayName: `Teller ${runId}` };
const reader = { email: `story-r-${runId}@example.test`, password: `loom-pass-${runId}-r1`, displayName: `Reader ${runId}` };
const title = `The Bell Tower ${runId}`;

let browser;
let page;
let token;
const { pageErrors, failShot, expectVisible, until, openAs: openIn } = suiteKit('stories', TIMEOUT);
const openAs = (user) => openIn(browser, user);
const mediaRequests = [];

async function shot(p, name) {
  // From the top: the header is sticky, and a scrolled page draws it part-way down the full-page picture.
  await p.evaluate(() => window.scrollTo(0, 0));
  await p.screenshot({ path: join(ARTIFACTS, `stories-${name}.png`), fullPage: true });
}

/** The statuses of the scene page's segments, in list order. */
const statuses = (p) => p.getByRole('list', { name: 'Segments' }).locator('li[data-status]').evaluateAll((els) => els.map((e) => e.dataset.status));

/** Continues the open scene with `prompt`, sees the live progress, and waits until `count` segments are ready. */
async function continueWith(p, prompt, count) {
  const form = p.getByRole('form', { name: 'Continue scene' });
  await form.getByLabel('What happens next').fill(prompt);
  await form.getByRole('button', { name: 'Continue' }).click();
  await expectVisible(p, p.getByTestId('segment-progress').getByRole('progressbar'), `no live progress after continuing with "${prompt}"`);
  await until(p, () => statuses(p), (s) => s.filter((x) => x === 'ready').length === count, `segment ${count} did not become ready`, RENDER);
}

before(async () => {
  assert.ok(BASE, 'Set LOOM_URL, e.g. http://127.0.0.1:5099');
  assert.ok(ADMIN_EMAIL && ADMIN_PASSWORD, 'Set LOOM_ADMIN_EMAIL and LOOM_ADMIN_PASSWORD (an existing admin account)');
  mkdirSync(ARTIFACTS, { recursive: true });
  // A fresh user on the Pro tier: Free allows two generations a week and this test makes three.
  await apiCall('POST', '/api/auth/register', author);
  await apiCall('POST', '/api/auth/register', reader);
  const admin = (await apiCall('POST', '/api/auth/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).accessToken;
  const users = await apiCall('GET', '/api/admin/users?limit=1000', undefined, admin);
  await apiCall('PATCH', `/api/admin/users/${users.find((u) => u.email === author.email).id}`, { tier: 'pro' }, admin);
  token = (await apiCall('POST', '/api/auth/login', { email: author.email, password: author.password })).accessToken;
  browser = await chromium.launch({
    executablePath: process.env.LOOM_CHROMIUM ?? '/usr/bin/chromium',
    headless: !process.env.LOOM_HEADED,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--autoplay-policy=no-user-gesture-required'],
  });
  page = await openAs(author);
  page.on('request', (req) => {
    const url = req.url();
    if (/\/api\/stories\/(scenes\/[^/]+\/(playlist|video|subtitles)\.m3u8|segments\/[^/]+\/media\/)/.test(url)) {
      mediaRequests.push({ url, authorization: req.headers().authorization ?? null });
    }
  });
});

after(async () => {
  await browser?.close();
});

test('create a scene, continue it twice, play past the first segment, edit the bible, fork, tree, report and moderate', async () => {
  // The Stories page from the main navigation: topics to browse and the form.
  await page.getByRole('link', { name: 'Stories', exact: true }).click();
  await expectVisible(page, page.getByRole('heading', { name: 'Stories', level: 1 }));
  const topics = page.getByRole('navigation', { name: 'Topics' }).getByRole('button');
  await until(page, () => topics.count(), (n) => n > 1, 'no topics to browse (the server seeds some)');

  const form = page.getByRole('form', { name: 'Create scene' });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('What happens first').fill('Mira climbs the old tower at dusk and rings the broken bell.');
  const topicValue = await form.getByLabel('Topic').locator('option').nth(1).getAttribute('value');
  await form.getByLabel('Topic').selectOption(topicValue);
  await form.getByRole('button', { name: 'Create scene' }).click();
  const created = page.getByTestId('scene-created');
  await expectVisible(page, created, 'no notice for the new scene');
  await shot(page, 'create');
  // The first segment's job progress, then the notice says it is ready.
  await until(page, () => created.innerText(), (t) => /first segment is ready/.test(t), 'the first segment did not finish', RENDER);
  const card = page.getByRole('list', { name: 'Scenes' }).locator('li').filter({ hasText: title });
  await expectVisible(page, card, 'the new scene is not listed');
  await until(page, () => card.locator('img').evaluateAll((imgs) => imgs.map((i) => i.naturalWidth)), (w) => w.length === 1 && w[0] > 0, 'the scene card shows no poster');
  await shot(page, 'list');

  // The scene page: segment 1 ready, its continuity report passed.
  await card.getByRole('link', { name: title, exact: true }).click();
  await expectVisible(page, page.getByRole('heading', { name: title, level: 1 }));
  const sceneId = new URL(page.url()).pathname.split('/').pop();
  await until(page, () => statuses(page), (s) => s.length === 1 && s[0] === 'ready', 'segment 1 is not ready on the scene page');
  await expectVisible(page, page.getByTestId('continuity-summary').getByText(/Passed/), 'segment 1 has no passed continuity report');

  await continueWith(page, 'The bell wakes the crows; Mira sees lanterns on the river road.', 2);
  await continueWith(page, 'Mira runs down the stairs to meet the riders at the gate.', 3);

  // Play the stitched playlist past the end of the first segment.
  const scene = await apiCall('GET', `/api/stories/scenes/${sceneId}`, undefined, token);
  const first = scene.segments.find((s) => s.index === 1);
  const firstEnd = first.durationMs / 1000;
  assert.ok(firstEnd > 0, 'segment 1 has no duration');
  const video = page.getByTestId('scene-video');
  await until(page, () => video.evaluate((v) => v.readyState), (r) => r >= 1, 'the video did not load its playlist', 60_000);
  await video.evaluate((v) => {
    v.muted = true;
    return v.play();
  });
  const t = await until(page, () => video.evaluate((v) => v.currentTime), (x) => x > firstEnd + 0.5, `playback did not pass the end of segment 1 (${firstEnd} s)`, 90_000);
  assert.ok(t > firstEnd, `currentTime ${t} past ${firstEnd}`);
  await video.evaluate((v) => v.pause());
  await until(page, () => page.getByTestId('scene-player-status').innerText(), (s) => /playing segment [23]/.test(s), 'the page does not say which segment plays');
  await shot(page, 'scene');

  // Every playlist and part went with the token in its header; no URL carried one.
  const parts = mediaRequests.filter((r) => /video_\d+\.ts/.test(r.url));
  assert.ok(parts.length >= 2, `expected parts of two segments, saw ${parts.length}`);
  assert.ok(mediaRequests.some((r) => r.url.includes(`/scenes/${sceneId}/playlist.m3u8`)), 'the master playlist was not requested');
  for (const r of mediaRequests) {
    assert.match(r.authorization ?? '', /^Bearer \S+/, `no bearer token on ${r.url}`);
    assert.doesNotMatch(r.url, /token|access|bearer|eyJ/i, `a credential in ${r.url}`);
  }

  // The bible editor: entities with portraits; a rule the server refuses shows its problem beside the field.
  await page.getByRole('link', { name: 'Scene bible' }).click();
  await expectVisible(page, page.getByRole('heading', { name: 'Scene bible', level: 1 }));
  const entities = page.getByRole('list', { name: 'Entities' }).locator('li[data-entity-id]');
  await until(page, () => entities.count(), (n) => n > 0, 'the bible lists no entities');
  await until(page, () => entities.first().locator('img').evaluateAll((imgs) => imgs.map((i) => i.naturalWidth)), (w) => w.length === 1 && w[0] > 0, 'no portrait for the first entity');
  // The fantasy topic's cast dresses Mira in a red cloak and a rule keeps it so: a blue one passes the client's checks
  // and is refused by the server, naming the rule; the problem shows in the form.
  const mira = page.locator('li[data-entity-id="char_mira"]');
  await expectVisible(page, mira, 'the fantasy cast has no char_mira');
  await mira.getByRole('button', { name: 'Edit' }).click();
  const entityForm = page.getByRole('form', { name: 'Edit Mira Vell' });
  await entityForm.getByLabel('Wears').fill('blue cloak');
  await entityForm.getByRole('button', { name: 'Save entity' }).click();
  await expectVisible(page, entityForm.locator('[data-field-error]').filter({ hasText: 'always wears red cloak' }), 'the refused garment shows no problem in the form');
  await shot(page, 'bible-entity-problem');
  await entityForm.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Add rule' }).click();
  const ruleForm = page.getByRole('form', { name: 'New rule' });
  await ruleForm.getByLabel('Rule id').fill('weapons');
  await ruleForm.getByLabel('Rule', { exact: true }).fill('loc_nowhere always wears red cloak');
  await ruleForm.getByRole('button', { name: 'Add rule' }).click();
  await expectVisible(page, ruleForm.locator('[data-field-error]'), 'the refused rule shows no problem beside its field');
  await shot(page, 'bible-problem');
  await ruleForm.getByLabel('Rule', { exact: true }).fill('no firearms');
  await ruleForm.getByRole('button', { name: 'Add rule' }).click();
  await expectVisible(page, page.getByRole('list', { name: 'Rules' }).getByText('no firearms'), 'the accepted rule is not listed');
  await expectVisible(page, page.getByText(/Version 1, from segment 4/), 'the correction is not listed from the next segment');
  await shot(page, 'bible');

  // Fork after segment 2: the fork shares segments 1 and 2.
  await page.getByRole('link', { name: `← ${title}` }).click();
  await expectVisible(page, page.getByRole('heading', { name: title, level: 1 }));
  await page.locator('li[data-status="ready"]').nth(1).getByRole('button', { name: 'Fork after this' }).click();
  const forkForm = page.getByRole('form', { name: 'Fork scene' });
  await forkForm.getByRole('button', { name: 'Fork' }).click();
  await expectVisible(page, page.getByRole('heading', { name: `${title} (fork)`, level: 1 }), 'the fork did not open');
  await until(page, () => statuses(page), (s) => s.length === 2 && s.every((x) => x === 'ready'), 'the fork does not show the two shared segments');

  // The fork tree: the original and its fork; clicking the original opens it.
  await page.getByRole('link', { name: 'Fork tree' }).click();
  await expectVisible(page, page.getByRole('heading', { name: 'Fork tree', level: 1 }));
  const nodes = page.getByTestId('fork-tree').locator('[role="treeitem"]');
  await until(page, () => nodes.count(), (n) => n === 2, 'the tree does not hold the scene and its fork');
  await expectVisible(page, page.getByTestId('fork-tree').locator('[aria-current="page"]'), 'the current scene is not marked');
  await shot(page, 'tree');
  await page.getByTestId('fork-tree').locator(`[data-scene-id="${sceneId}"]`).click();
  await expectVisible(page, page.getByRole('heading', { name: title, level: 1 }), 'clicking the root did not open the original');

  // Nobody reports their own scene; another user reports it, and an admin approves the report from the queue.
  assert.equal(await page.getByRole('button', { name: 'Report scene' }).count(), 0, 'the author is offered to report their own scene');
  const other = await openAs(reader);
  await other.goto(`${BASE}/stories/scenes/${sceneId}`);
  await expectVisible(other, other.getByRole('heading', { name: title, level: 1 }), 'the public scene does not open for another user');
  await other.getByRole('button', { name: 'Report scene' }).click();
  const reportForm = other.getByRole('form', { name: 'Report scene' });
  await reportForm.getByLabel('Why report scene?').fill(`e2e report ${runId}`);
  await reportForm.getByRole('button', { name: 'Send report' }).click();
  await expectVisible(other, other.getByText('Reported. Thank you.'), 'the report was not sent');

  const admin = await openAs({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  await admin.getByRole('link', { name: 'Stories', exact: true }).click();
  await admin.getByRole('link', { name: 'Moderation queue' }).click();
  await expectVisible(admin, admin.getByRole('heading', { name: 'Stories moderation', level: 1 }));
  const report = admin.getByRole('list', { name: 'Reports' }).locator('li').filter({ hasText: `e2e report ${runId}` });
  await expectVisible(admin, report, 'the report is not in the queue');
  await shot(admin, 'moderation');
  await report.getByRole('button', { name: 'Approve' }).click();
  await expectVisible(admin, admin.getByText(/Approved: the report is closed/), 'approving did not close the report');
  await report.waitFor({ state: 'detached', timeout: TIMEOUT });

  assert.deepEqual(pageErrors, []);
});
