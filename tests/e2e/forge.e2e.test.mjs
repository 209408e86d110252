// Worldloom Forge browser test: the live editor, world generation with progress, the map viewer, editing a world
// through its overrides and history, and batches. Same setup as worldloom.e2e.test.mjs (./test runs both):
//   LOOM_URL=http://127.0.0.1:5099 LOOM_ADMIN_EMAIL=… LOOM_ADMIN_PASSWORD=… node --test forge.e2e.test.mjs
// Screenshots go to tests/e2e/artifacts/forge-*.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { ARTIFACTS, BASE, runId } from './support.mjs';

const ADMIN_EMAIL = process.env.LOOM_ADMIN_EMAIL ?? '';
const ADMIN_PASSWORD = process.env.LOOM_ADMIN_PASSWORD ?? '';
const TIMEOUT = 15_000;
const SLOW = 90_000; // generation on a loaded 2-core machine

const user = { email: `forge-${runId}@example.test`, password: `forge-pass-${runId}-ok`, displayName: `Forge Tester ${runId}` };
const projectName = `Forge ${runId}`;

let browser;
let context;
let page;
let userToken;
const serverErrors = [];
const pageErrors = [];

async function shot(name) {
  // Full-page shots of a scrolled page draw the sticky header mid-page; shoot from the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

async function expectVisible(locator, message, timeout = TIMEOUT) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    await shot(`FAILED-forge-${Date.now()}`).catch(() => {});
    assert.fail(message ?? `Expected to be visible: ${locator}`);
  }
}

async function expectNoAlert() {
  const alerts = page.locator('[role="alert"]');
  for (let i = 0; i < (await alerts.count()); i++) {
    if (await alerts.nth(i).isVisible()) assert.fail(`Unexpected error shown: ${await alerts.nth(i).innerText()}`);
  }
}

/** JSON API call outside the browser (setup and lookups the UI does not expose, such as marker positions). */
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

/** The map canvas' view (set by the viewer on every frame) and its box on the page. */
async function mapGeometry() {
  const canvas = page.locator('canvas.map-viewer__canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const view = JSON.parse(await canvas.getAttribute('data-view'));
  return { box, view };
}

async function cellOnPage(cell) {
  const { box, view } = await mapGeometry();
  return { x: box.x + view.offsetX + (cell.x + 0.5) * view.scale, y: box.y + view.offsetY + (cell.y + 0.5) * view.scale };
}

async function waitForLayer(layer) {
  await page.waitForFunction((l) => document.querySelector('canvas.map-viewer__canvas')?.dataset.layer === l, layer, { timeout: 30_000 });
  await page.waitForTimeout(100); // one more frame
}

/** Distinct colours (quantised to 4 bits a channel) among a grid of canvas pixels, and the share that is not backdrop. */
async function canvasColours() {
  return page.evaluate(() => {
    const c = document.querySelector('canvas.map-viewer__canvas');
    const ctx = c.getContext('2d');
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    const colours = new Set();
    let drawn = 0;
    let n = 0;
    for (let y = 5; y < c.height; y += 9) {
      for (let x = 5; x < c.width; x += 9) {
        const i = (y * c.width + x) * 4;
        const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
        n++;
        if (!(r === 0xd9 && g === 0xe2 && b === 0xec)) drawn++;
        colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
      }
    }
    return { distinct: colours.size, drawnShare: drawn / n };
  });
}

before(async () => {
  assert.ok(BASE, 'Set LOOM_URL, e.g. http://127.0.0.1:5099');
  assert.ok(ADMIN_EMAIL && ADMIN_PASSWORD, 'Set LOOM_ADMIN_EMAIL and LOOM_ADMIN_PASSWORD (an existing admin account)');
  mkdirSync(ARTIFACTS, { recursive: true });
  // A fresh user on the Pro tier: Free allows two generations a week and this test makes three.
  await apiCall('POST', '/api/auth/register', null, user);
  const admin = await loginToken(ADMIN_EMAIL, ADMIN_PASSWORD);
  const users = await apiCall('GET', '/api/admin/users?limit=1000', admin);
  const me = users.find((u) => u.email === user.email);
  await apiCall('PATCH', `/api/admin/users/${me.id}`, admin, { tier: 'pro' });
  userToken = await loginToken(user.email, user.password);

  browser = await chromium.launch({
    executablePath: process.env.LOOM_CHROMIUM ?? '/usr/bin/chromium',
    headless: !process.env.LOOM_HEADED,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'].filter(
      (a) => !(process.env.LOOM_HEADED && a === '--headless=new'),
    ),
  });
  context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  context.setDefaultTimeout(TIMEOUT);
  page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  page.on('response', (res) => {
    const u = new URL(res.url());
    if (u.pathname.startsWith('/api/') && res.status() >= 500) serverErrors.push(`${res.request().method()} ${u.pathname} -> ${res.status()}`);
    if (/token/i.test(u.search)) serverErrors.push(`token in URL: ${u.pathname}${u.search}`);
  });
});

after(async () => {
  await browser?.close();
});

let worldId;

test('project page: live preview follows the sliders; Generate shows stage progress and opens the world', { timeout: 240_000 }, async (t) => {
  await page.goto(`${BASE}/login`);
  await page.getByLabel('Email', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expectVisible(page.getByRole('heading', { name: 'Projects', level: 1 }), 'Login did not reach the dashboard');
  await page.getByLabel('Name', { exact: true }).fill(projectName);
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByRole('link', { name: projectName }).click();
  await expectVisible(page.getByRole('heading', { name: projectName, level: 1 }), 'The project link should open the project page');
  await expectVisible(page.getByText('No worlds yet'));

  // The live editor draws a first preview for the random seed; then a fixed seed and size.
  await page.getByLabel('Seed', { exact: true }).fill('42');
  await page.getByRole('group', { name: 'Size presets' }).getByRole('button', { name: '256' }).click();
  const preview = page.getByRole('img', { name: 'Live preview of the world' });
  await page.waitForFunction(() => document.querySelector('img.preview__img')?.dataset.previewKey?.includes('"seed":"42"'), null, { timeout: 60_000 });
  const before = await preview.getAttribute('data-preview-key');
  const beforeSrc = await preview.getAttribute('src');
  await expectVisible(page.getByTestId('preview-caption').getByText(/server \d+ ms/), 'The preview should show the server time');

  // Move the sea level slider with the keyboard, as a hand would: several steps, one request after they rest.
  const sea = page.getByRole('slider', { name: 'Sea level' });
  await sea.focus();
  for (let i = 0; i < 8; i++) await sea.press('ArrowLeft');
  assert.equal(await sea.inputValue(), '42');
  await page.waitForFunction((k) => {
    const img = document.querySelector('img.preview__img');
    return img && img.dataset.previewKey !== k && img.dataset.previewKey.includes('"seaLevel":42') && img.complete;
  }, before, { timeout: 60_000 });
  assert.notEqual(await preview.getAttribute('src'), beforeSrc, 'A new picture should replace the old one');
  await expectNoAlert();
  await shot('forge-project-preview');

  // Generate: record every progress value and stage shown until the world page opens (the SPA keeps `window`).
  await page.evaluate(() => {
    window.__progress = [];
    const seen = () => {
      const bar = document.querySelector('[role="progressbar"][aria-label="World generation progress"]');
      const stage = document.querySelector('.job-progress__stage');
      if (bar) window.__progress.push(`${bar.getAttribute('aria-valuenow')}|${stage?.textContent ?? ''}`);
    };
    new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.getByRole('button', { name: 'Generate' }).click();
  await page.waitForURL(/\/worlds\/[0-9a-f-]+/, { timeout: SLOW });
  worldId = new URL(page.url()).pathname.split('/').pop();
  const progress = await page.evaluate(() => window.__progress);
  assert.ok(progress.length > 0, 'Generation progress should have been shown before the world page');
  assert.ok(progress.some((p) => /\|\S/.test(p)), `A stage name should be shown: ${progress.join(', ')}`);
  const values = progress.map((p) => Number(p.split('|')[0]));
  assert.deepEqual(values, [...values].sort((a, b) => a - b), `Progress should never go backwards: ${values}`);
  // A 256² world takes about a second, so how many stages show depends on the machine; the sequence is logged.
  t.diagnostic(`progress seen: ${[...new Set(progress)].join(' → ')}`);
  await expectVisible(page.getByRole('heading', { name: 'World 42', level: 1 }), 'The world page should open', SLOW);
});

test('world page: map viewer, layers, hover, settlement panel, edits, history and diff', { timeout: 240_000 }, async (t) => {
  assert.ok(worldId, 'needs the world from the previous test');
  const canvas = page.locator('canvas.map-viewer__canvas');
  await expectVisible(canvas, 'The map canvas should be shown', SLOW);
  await waitForLayer('biomes');
  const biomes = await canvasColours();
  assert.ok(biomes.distinct >= 6, `The biome map should have several colours, got ${biomes.distinct}`);
  assert.ok(biomes.drawnShare > 0.4, `The map should fill the canvas, drawn share ${biomes.drawnShare}`);

  // Hover: cell, biome and height from the decoded document.
  const features = await apiCall('GET', `/api/worlds/${worldId}/features`, userToken);
  const centre = await cellOnPage({ x: 128, y: 128 });
  await page.mouse.move(centre.x, centre.y);
  await expectVisible(page.getByTestId('map-hover').getByText(/^128, 128$/), 'Hover should show the cell');
  await expectVisible(page.getByTestId('map-hover').getByText(/(above|below) sea|at sea level/), 'Hover should show the height', 30_000);

  // Zoom with the wheel about the cursor, then fit again.
  const v0 = (await mapGeometry()).view;
  await page.mouse.wheel(0, -300);
  await page.waitForFunction((s) => JSON.parse(document.querySelector('canvas.map-viewer__canvas').dataset.view).scale > s, v0.scale);
  await page.getByRole('button', { name: 'Fit the whole world' }).click();

  if (features.settlements.length === 0) {
    t.diagnostic('This server generates no settlements (settlement stage missing): settlement panel and rename skipped.');
  } else {
    // The biggest settlement, clicked on the map.
    const rank = { city: 4, town: 3, village: 2, hamlet: 1 };
    const s = [...features.settlements].sort((a, b) => rank[b.size] - rank[a.size] || b.population - a.population)[0];
    const at = await cellOnPage(s.location);
    await page.mouse.click(at.x, at.y);
    const panel = page.getByRole('complementary', { name: 'World details' });
    await expectVisible(panel.getByRole('heading', { name: s.name, level: 2 }), `Clicking ${s.name} should open its panel`);
    const npcs = panel.getByRole('list', { name: 'NPCs' }).getByRole('listitem');
    await expectVisible(npcs, 'The settlement panel should list its NPCs');
    assert.ok((await npcs.count()) > 0);
    await expectVisible(panel.getByText(s.population.toLocaleString('en-US')), 'Population should be shown');
    await expectNoAlert();
    await shot('forge-world-biomes-settlement');

    // Rename through the panel: a new snapshot, and the diff says so.
    const newName = `Northwatch ${runId.slice(-4)}`;
    await panel.getByLabel('Settlement name').fill(newName);
    await panel.getByRole('button', { name: 'Rename' }).click();
    await expectVisible(page.getByText(/Saved as snapshot #2/), 'Rename should save snapshot #2', 30_000);
    await expectVisible(panel.getByRole('heading', { name: newName, level: 2 }), 'The panel should show the new name');
    const snapshots = page.getByRole('list', { name: 'Snapshots' }).getByRole('listitem');
    await page.waitForFunction(() => document.querySelectorAll('[aria-label="Snapshots"] > li').length === 2);
    await page.getByLabel('Compare snapshot 1').check();
    await page.getByLabel('Compare snapshot 2').check();
    await expectVisible(page.getByTestId('diff').getByText(`Settlement "${s.name}" renamed to "${newName}".`), 'The diff should mention the rename', 30_000);
    assert.equal(await snapshots.count(), 2);
    await shot('forge-history-diff');

    // Someone else edits (here: the API with the same account): the next edit gets 409, reloads and says so.
    const head = (await apiCall('GET', `/api/worlds/${worldId}`, userToken)).head;
    await apiCall('POST', `/api/worlds/${worldId}/overrides`, userToken, { base: head, overrides: [{ kind: 'rename_settlement', settlementId: s.id, name: 'Elsewhere' }] });
    await panel.getByLabel('Settlement name').fill('Too Late');
    await panel.getByRole('button', { name: 'Rename' }).click();
    await expectVisible(page.getByText(/Someone else edited this world/), 'A stale edit should say someone else edited', 30_000);
    await expectVisible(panel.getByRole('heading', { name: 'Elsewhere', level: 2 }), 'The page should reload the other edit');
    await page.waitForFunction(() => document.querySelectorAll('[aria-label="Snapshots"] > li').length === 3);

    // Move: click Move, then a land cell next to it (found in the document's biome layer).
    const doc = await apiCall('GET', `/api/worlds/${worldId}/document`, userToken);
    const biomes = Buffer.from(doc.layers.biomes.data, 'base64');
    const lakes = Buffer.from(doc.layers.lakes.data, 'base64');
    const taken = new Set(features.settlements.map((x) => `${x.location.x},${x.location.y}`));
    const near = [];
    for (let dy = -4; dy <= 4; dy++) for (let dx = -4; dx <= 4; dx++) near.push({ x: s.location.x + dx, y: s.location.y + dy, d: Math.abs(dx) + Math.abs(dy) });
    const target = near
      .filter((c) => c.d >= 2 && c.x >= 0 && c.y >= 0 && c.x < doc.layers.biomes.width && c.y < doc.layers.biomes.height)
      .filter((c) => {
        const i = c.y * doc.layers.biomes.width + c.x;
        return biomes[i] > 2 && lakes.readUInt32LE(i * 4) === 0 && !taken.has(`${c.x},${c.y}`); // land: not sea, not lake
      })
      .sort((a, b) => a.d - b.d)[0];
    assert.ok(target, 'a land cell near the settlement');
    await panel.getByRole('button', { name: 'Move', exact: true }).click();
    await expectVisible(page.getByText(/Click a land cell on the map to move/));
    const to = await cellOnPage(target);
    await page.mouse.click(to.x, to.y);
    await expectVisible(page.getByText(new RegExp(`Moved Elsewhere to ${target.x}, ${target.y}\\. Saved as snapshot #4`)), 'Move should save snapshot #4', 30_000);
    await expectVisible(panel.getByText(`${target.x}, ${target.y}`), 'The panel should show the new cell');

    // Delete another settlement, picked from the list rather than the map.
    const victim = features.settlements.find((x) => x.id !== s.id);
    await page.getByLabel('Find a settlement').selectOption(victim.id);
    await expectVisible(panel.getByRole('heading', { name: victim.name, level: 2 }));
    await panel.getByRole('button', { name: 'Delete', exact: true }).click();
    await panel.getByRole('button', { name: 'Confirm delete' }).click();
    await expectVisible(page.getByText(`Deleted ${victim.name}. Saved as snapshot #5.`), 'Delete should save snapshot #5', 30_000);
    assert.equal(await page.getByLabel('Find a settlement').locator(`option[value="${victim.id}"]`).count(), 0, 'The deleted settlement should leave the list');
    await page.getByRole('button', { name: 'Fit the whole world' }).click(); // picking from the list zoomed in on it
  }

  // Add a point of interest by clicking a land cell (a settlement's, or the centre), then read its hook back.
  const land = features.settlements[0]?.location ?? { x: 128, y: 128 };
  await page.getByRole('button', { name: 'Add point of interest' }).click();
  const cellAt = await cellOnPage({ x: land.x + 1, y: land.y });
  await page.mouse.click(cellAt.x, cellAt.y);
  const form = page.getByRole('form', { name: 'New point of interest' });
  await expectVisible(form, 'Clicking a cell should open the new point of interest form');
  await form.getByLabel('Kind').selectOption('shrine');
  await form.getByLabel('Name').fill('Shrine of the Test');
  await form.getByLabel('Quest hook').fill('A pilgrim wants the shrine lit again.');
  await form.getByRole('button', { name: 'Add point of interest' }).click();
  await expectVisible(page.getByText(/Added shrine “Shrine of the Test”.*Saved as snapshot/), 'Adding a POI should save a snapshot', 30_000);
  await page.getByRole('checkbox', { name: 'Settlements' }).uncheck();
  const poiAt = await cellOnPage({ x: land.x + 1, y: land.y });
  await page.mouse.click(poiAt.x, poiAt.y);
  await expectVisible(page.getByTestId('poi-hook').getByText('A pilgrim wants the shrine lit again.'), 'Clicking the POI should show its hook');
  await page.getByRole('checkbox', { name: 'Settlements' }).check();

  // Layers: each draws a different picture; political shows the factions legend.
  const layers = page.getByRole('group', { name: 'Map layer' });
  for (const layer of ['Height', 'Rivers', 'Settlements', 'Political']) {
    await layers.getByRole('button', { name: layer }).click();
    await waitForLayer(layer.toLowerCase());
    const c = await canvasColours();
    assert.ok(c.distinct >= 4, `${layer} layer should have several colours, got ${c.distinct}`);
  }
  if (features.factions.length > 0) {
    await expectVisible(page.getByRole('heading', { name: 'Factions' }), 'The political layer should show the factions legend');
    await expectVisible(page.getByText(features.factions[0].name));
  }
  await shot('forge-world-political');

  // Zoomed in on the rivers layer: markers and labels stay crisp while the terrain enlarges.
  await layers.getByRole('button', { name: 'Rivers' }).click();
  await waitForLayer('rivers');
  const zoomAt = await cellOnPage(land);
  await page.mouse.move(zoomAt.x, zoomAt.y);
  for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -300);
  await page.waitForFunction(() => JSON.parse(document.querySelector('canvas.map-viewer__canvas').dataset.view).scale > 8);
  await page.waitForTimeout(200);
  await shot('forge-world-zoomed-rivers');
  await expectNoAlert();

  // Roll back to the generated world: a new head that carries snapshot 1's overrides (none).
  const count = await page.getByRole('list', { name: 'Snapshots' }).getByRole('listitem').count();
  await page.getByRole('button', { name: 'Roll back to snapshot 1' }).click();
  await expectVisible(page.getByText(`Rolled back to snapshot #1; saved as #${count + 1}.`), 'Rollback should save a new head', 30_000);
  const headItem = page.getByRole('list', { name: 'Snapshots' }).getByRole('listitem').first();
  await expectVisible(headItem.getByText('Rollback to #1'));
  await expectVisible(headItem.getByText('Head', { exact: true }));
  const rolled = await apiCall('GET', `/api/worlds/${worldId}/features`, userToken);
  assert.deepEqual(rolled.settlements, features.settlements, 'Rollback to #1 should restore the generated settlements');
});

test('batch: six seeds as a sortable thumbnail grid; one becomes a world', { timeout: 240_000 }, async () => {
  await page.getByRole('link', { name: '← Project' }).click();
  await expectVisible(page.getByRole('heading', { name: projectName, level: 1 }));
  await expectVisible(page.getByRole('list', { name: 'Worlds' }).getByText('World 42'), 'The world should be listed');
  await expectVisible(page.getByRole('list', { name: 'Worlds' }).locator('img'), 'The world card should have a thumbnail');

  // The server's field error shows next to its field.
  await page.getByLabel('Seeds').fill('1..5000');
  await page.getByRole('button', { name: 'Start batch' }).click();
  await expectVisible(page.locator('[data-field-errors="seeds"]').getByText(/at most 1000 seeds/), 'A bad seed range should be reported under Seeds');

  await page.getByLabel('Seeds').fill('1..6');
  await page.getByLabel('Batch size').fill('64');
  await page.getByRole('button', { name: 'Start batch' }).click();
  await page.waitForURL(/\/batches\/[0-9a-f-]+/);
  await expectVisible(page.getByRole('heading', { name: 'Batch of 6 seeds', level: 1 }));
  const tiles = page.getByRole('list', { name: 'Batch thumbnails' }).getByRole('listitem');
  await page.waitForFunction(() => {
    const imgs = document.querySelectorAll('[aria-label="Batch thumbnails"] img');
    return imgs.length === 6 && [...imgs].every((i) => i.complete && i.naturalWidth > 0);
  }, null, { timeout: SLOW });
  assert.equal(await tiles.count(), 6);

  // Sort by rivers, most first: the numbers under the thumbnails come out in order.
  await page.getByLabel('Sort by').selectOption('rivers');
  await page.getByLabel('Order', { exact: true }).selectOption('desc');
  await page.waitForURL(/sort=rivers&order=desc/);
  await page.waitForTimeout(500);
  const rivers = (await tiles.allInnerTexts()).map((t) => Number(/(\d+) rivers/.exec(t)[1]));
  assert.deepEqual(rivers, [...rivers].sort((a, b) => b - a), `Rivers should be sorted descending: ${rivers}`);
  // Sort by a biome share too.
  const biomeOption = await page.getByLabel('Sort by').locator('option[value^="biome:"]').first().getAttribute('value');
  await page.getByLabel('Sort by').selectOption(biomeOption);
  await page.waitForURL(new RegExp(`sort=${encodeURIComponent(biomeOption)}`));
  await page.waitForFunction(() => document.querySelectorAll('[aria-label="Batch thumbnails"] img').length === 6);
  await page.waitForFunction(() => [...document.querySelectorAll('[aria-label="Batch thumbnails"] img')].every((i) => i.complete && i.naturalWidth > 0));
  await expectNoAlert();
  await shot('forge-batch-grid');

  // Pick one and generate it as a world.
  const first = tiles.first();
  const seed = await first.getAttribute('data-seed');
  await first.getByRole('button', { name: `Seed ${seed}` }).click();
  await page.getByRole('button', { name: 'Generate this seed as a world' }).click();
  await page.waitForURL(/\/worlds\/[0-9a-f-]+/);
  await expectVisible(page.getByRole('heading', { name: `World ${seed}`, level: 1 }));
  await expectVisible(page.locator('canvas.map-viewer__canvas'), 'The batch seed should generate and show its map', SLOW);
  await expectVisible(page.getByText(/64×64/));
});

test('no server errors or page errors occurred', () => {
  assert.deepEqual(serverErrors, [], `API errors: ${serverErrors.join(', ')}`);
  assert.deepEqual(pageErrors, [], `Page errors: ${pageErrors.join(', ')}`);
});
