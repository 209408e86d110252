// Realms in the browser: two users in two browser contexts play together in one public Test Area over the real game
// socket. A makes the realm, both make characters and enter, each sees the other; A spawns an enemy with the dev
// console and casts Magic Missile at it until its HP drops; then B walks (arrow keys, steered along a path found on the
// zone's map) over the nearest zone exit and the page shows the neighbouring zone; A follows (teleported next to the
// edge with the console, then walking) and the two meet there.
//
// ./test runs it against a real `loom serve` (see worldloom.e2e.test.mjs for running by hand; same env vars).
// Screenshots: tests/e2e/artifacts/realms-*.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { apiCall, ARTIFACTS, BASE, runId, suiteKit } from './support.mjs';

const TIMEOUT = 20_000;
// World generation and a zone's first activation (cutting it from the world) take longer on a busy machine.
const SLOW = 180_000;

const alice = { email: `realm-a-${runId}@example.test`, password: `loom-pass-${runId}-a1`, displayName: `Alice ${runId}` };
const bob = { email: `realm-b-${runId}@example.test`, password: `loom-pass-${runId}-b1`, displayName: `Bob ${runId}` };
const realmName = `Arena ${runId}`;

let browser;
let a;
let b;
let aliceToken;
let worldId;
const { pageErrors, failShot, expectVisible, until, openAs: openIn } = suiteKit('realms', TIMEOUT);
const openAs = (user) => openIn(browser, user);

const attr = (page, testId, name) => page.getByTestId(testId).first().getAttribute(name, { timeout: 1000 }).catch(() => null);
const num = async (page, testId, name) => {
  const v = await attr(page, testId, name);
  return v === null ? null : Number(v);
};
const zoneLabel = async (page) => (await page.getByTestId('realm-status').innerText().catch(() => '')).trim();

/** Creates a character on the realm page and presses Play; returns once the game shows a zone. */
async function enter(page, realmId, name) {
  await page.goto(`${BASE}/realms/${realmId}`);
  await expectVisible(page, page.getByRole('heading', { name: realmName, level: 1 }), `${name}: the realm page did not open`);
  await page.getByRole('form', { name: 'Create character' }).getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create character' }).click();
  const item = page.getByRole('list', { name: 'Characters' }).getByRole('listitem').filter({ hasText: name });
  await expectVisible(page, item, `${name}: the new character is not listed`);
  await item.getByRole('link', { name: 'Play' }).click();
  await until(page, () => zoneLabel(page), (t) => /^Zone \d+,\d+/.test(t), `${name}: the game did not connect`, SLOW);
  await until(page, () => num(page, 'realm-self', 'data-hp'), (hp) => hp > 0, `${name}: no own HP in the HUD`);
  // Keys go to the window; a click on the canvas would pick a target, so focus the page's body instead.
  await page.locator('body').focus();
}

async function console_(page, line) {
  await page.keyboard.press('Backquote');
  const input = page.getByLabel('Console command');
  await expectVisible(page, input, 'the console did not open');
  await input.fill(line);
  await input.press('Enter');
  await expectVisible(page, page.getByRole('list', { name: 'Console' }).getByText(line), `the console did not echo ${line}`);
  await input.press('Escape');
  await page.getByLabel('Console command').waitFor({ state: 'hidden', timeout: TIMEOUT });
}

/** How the canvas looks: how many distinct colours a grid of samples has (terrain, sprites and bars make many). */
async function canvasColours(page) {
  return page.getByTestId('realm-canvas').evaluate((canvas) => {
    const ctx = canvas.getContext('2d');
    const seen = new Set();
    for (let y = 0; y < canvas.height; y += Math.max(1, Math.floor(canvas.height / 40))) {
      for (let x = 0; x < canvas.width; x += Math.max(1, Math.floor(canvas.width / 40))) {
        const [r, g, bl] = ctx.getImageData(x, y, 1, 1).data;
        seen.add(`${r >> 4},${g >> 4},${bl >> 4}`);
      }
    }
    return seen.size;
  });
}

/** A zone's map, decoded enough to find walkable tiles: width, height, cost bytes and exits. */
async function groundOf(realmId, x, y) {
  const map = await apiCall('GET', `/api/realms/${realmId}/zones/${x}/${y}/map`, undefined, aliceToken);
  return { ...map, cost: Buffer.from(map.cost, 'base64') };
}

/**
 * A spot to teleport to (the one nearest `near`, a tile on the edge), `run` tiles in from an exit's edge, with every tile from it to the edge walkable and a
 * walkable tile each side of that lane (the character is not a point): walking straight on crosses the exit.
 */
function laneToExit(ground, near = null, run = 5) {
  let best = null;
  const walk = (x, y) => x >= 0 && y >= 0 && x < ground.width && y < ground.height && ground.cost[y * ground.width + x] !== 0;
  const dirs = { north: [0, -1, 'ArrowUp'], south: [0, 1, 'ArrowDown'], west: [-1, 0, 'ArrowLeft'], east: [1, 0, 'ArrowRight'] };
  for (const exit of ground.exits) {
    const [dx, dy, key] = dirs[exit.edge];
    const along = exit.edge === 'north' || exit.edge === 'south' ? ground.width : ground.height;
    for (let i = 4; i < along - 4; i++) {
      // The edge tile, then `run` tiles inwards.
      const ex = dx === 0 ? i : dx > 0 ? ground.width - 1 : 0;
      const ey = dy === 0 ? i : dy > 0 ? ground.height - 1 : 0;
      const tiles = Array.from({ length: run + 1 }, (_, k) => [ex - dx * k, ey - dy * k]);
      const wide = tiles.every(([tx, ty]) => walk(tx, ty) && walk(tx + dy, ty + dx) && walk(tx - dy, ty - dx));
      const far = near ? Math.abs(ex - near[0]) + Math.abs(ey - near[1]) : 0;
      if (wide && (!best || far < best.far)) best = { exit, key, start: tiles[run], far };
    }
  }
  return best;
}

/**
 * The shortest walk (4-neighbour, by tiles) from a tile to the edge of an exit, over tiles whose neighbours are
 * walkable too: a walker that overshoots a turn by a tile is still on open ground. Null when there is none.
 */
function pathToExit(ground, from, edges) {
  const { width, height } = ground;
  const walk = (x, y) => x < 0 || y < 0 || x >= width || y >= height || ground.cost[y * width + x] !== 0;
  const inside = (x, y) => x >= 0 && y >= 0 && x < width && y < height;
  const open = (x, y) => inside(x, y) && ground.cost[y * width + x] !== 0 && walk(x + 1, y) && walk(x - 1, y) && walk(x, y + 1) && walk(x, y - 1);
  const onEdge = (x, y) =>
    edges.find((e) => (e.edge === 'north' && y === 0) || (e.edge === 'south' && y === height - 1) || (e.edge === 'west' && x === 0) || (e.edge === 'east' && x === width - 1));
  const prev = new Int32Array(width * height).fill(-2);
  const queue = [from[1] * width + from[0]];
  prev[queue[0]] = -1;
  for (let head = 0; head < queue.length; head++) {
    const at = queue[head];
    const x = at % width;
    const y = (at - x) / width;
    const exit = onEdge(x, y);
    if (exit) {
      const tiles = [];
      for (let i = at; i !== -1; i = prev[i]) tiles.unshift([i % width, Math.floor(i / width)]);
      return { exit, tiles };
    }
    for (const [nx, ny] of [[x + 1, y], [x - 1, y], [x, y + 1], [x, y - 1]]) {
      if (open(nx, ny) && prev[ny * width + nx] === -2) {
        prev[ny * width + nx] = at;
        queue.push(ny * width + nx);
      }
    }
  }
  return null;
}

/**
 * Walks the own character along `tiles` with the arrow keys, steering by the position the server reports in the HUD:
 * each look heads for a tile two steps on from the path tile nearest to where it stands. Stops when `arrived` holds.
 */
async function walkPath(page, tiles, arrived, timeout) {
  const held = new Set();
  const hold = async (keys) => {
    for (const k of [...held]) if (!keys.includes(k)) (held.delete(k), await page.keyboard.up(k));
    for (const k of keys) if (!held.has(k)) (held.add(k), await page.keyboard.down(k));
  };
  const deadline = Date.now() + timeout;
  try {
    for (;;) {
      if (await arrived()) return;
      if (Date.now() > deadline) {
        await failShot(page, 'walk');
        assert.fail(`the walk along ${tiles.length} tiles did not arrive`);
      }
      const x = await num(page, 'realm-self', 'data-x');
      const y = await num(page, 'realm-self', 'data-y');
      if (x === null || y === null) {
        await hold([]);
      } else {
        let best = 0;
        for (let i = 0; i < tiles.length; i++) {
          const d = Math.max(Math.abs(tiles[i][0] * 256 + 128 - x), Math.abs(tiles[i][1] * 256 + 128 - y));
          const b = Math.max(Math.abs(tiles[best][0] * 256 + 128 - x), Math.abs(tiles[best][1] * 256 + 128 - y));
          if (d <= b) best = i;
        }
        const [tx, ty] = tiles[Math.min(best + 2, tiles.length - 1)];
        const dx = tx * 256 + 128 - x;
        const dy = ty * 256 + 128 - y;
        const keys = [];
        if (dx > 48) keys.push('ArrowRight');
        if (dx < -48) keys.push('ArrowLeft');
        if (dy > 48) keys.push('ArrowDown');
        if (dy < -48) keys.push('ArrowUp');
        // At the last tile, keep pushing over the edge.
        if (keys.length === 0 && best === tiles.length - 1) keys.push(...edgeKey(tiles));
        await hold(keys);
      }
      await page.waitForTimeout(50);
    }
  } finally {
    await hold([]);
  }
}

function edgeKey(tiles) {
  const [x, y] = tiles[tiles.length - 1];
  return [y === 0 ? 'ArrowUp' : x === 0 ? 'ArrowLeft' : y > x ? 'ArrowDown' : 'ArrowRight'];
}

before(async () => {
  assert.ok(BASE, 'Set LOOM_URL, e.g. http://127.0.0.1:5099');
  mkdirSync(ARTIFACTS, { recursive: true });
  await apiCall('POST', '/api/auth/register', alice);
  await apiCall('POST', '/api/auth/register', bob);
  aliceToken = (await apiCall('POST', '/api/auth/login', { email: alice.email, password: alice.password })).accessToken;
  // The world by API (the Forge test covers its pages): a 256 × 256 world is 2 × 2 zones; one seed, so the same
  // ground every run (generation is deterministic).
  const project = await apiCall('POST', '/api/projects', { name: `Realms ${runId}` }, aliceToken);
  const world = await apiCall('POST', `/api/projects/${project.id}/worlds`, { seed: 'realms-e2e', size: 256 }, aliceToken);
  worldId = world.id;
  const deadline = Date.now() + SLOW;
  for (;;) {
    const job = await apiCall('GET', `/api/jobs/${world.jobId}`, undefined, aliceToken);
    if (job.status === 'succeeded') break;
    assert.ok(!['failed', 'cancelled'].includes(job.status), `world generation ${job.status}: ${job.error}`);
    assert.ok(Date.now() < deadline, 'world generation did not finish');
    await new Promise((r) => setTimeout(r, 250));
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

test('two players in a public Test Area: see each other, console, Magic Missile, walk into the next zone', async () => {
  // A makes a Test Area on the generated world with the form; it is public by default.
  await a.getByRole('link', { name: 'Realms', exact: true }).click();
  await expectVisible(a, a.getByRole('heading', { name: 'Realms', level: 1 }));
  const form = a.getByRole('form', { name: 'Create realm' });
  await until(a, () => form.getByLabel('World').inputValue(), (v) => v === worldId, 'the generated world is not offered', SLOW);
  await form.getByLabel('Name').fill(realmName);
  await form.getByLabel('Kind').selectOption('test-area');
  await form.getByRole('button', { name: 'Create realm' }).click();
  const realmLink = a.getByRole('list', { name: 'Realms' }).getByRole('link', { name: realmName });
  await expectVisible(a, realmLink, 'A: the new realm is not listed');
  const realmId = (await realmLink.getAttribute('href')).split('/').pop();

  // B finds it in the list as someone else's public realm.
  await b.getByRole('link', { name: 'Realms', exact: true }).click();
  const bItem = b.getByRole('list', { name: 'Realms' }).getByRole('listitem').filter({ hasText: realmName });
  await expectVisible(b, bItem, 'B: the public realm is not listed');
  await expectVisible(b, bItem.getByText('Public', { exact: true }), 'B: the realm is not marked public');

  await enter(a, realmId, `Ada${runId.slice(-4)}`);
  await enter(b, realmId, `Bo${runId.slice(-4)}`);
  const aZone = await zoneLabel(a);
  assert.equal((await zoneLabel(b)).split(' ·')[0], aZone.split(' ·')[0], 'new characters start in the same zone');

  // Each sees the other.
  await until(a, () => num(a, 'realm-nearby', 'data-players'), (n) => n >= 1, 'A does not see B', SLOW);
  await until(b, () => num(b, 'realm-nearby', 'data-players'), (n) => n >= 1, 'B does not see A', SLOW);

  // A: the console spawns an enemy next to A; Tab targets it; Magic Missile (1) until its HP drops.
  await console_(a, '/god');
  // The Test Area's own packs may be in view already, and Tab picks the nearest enemy: wait for the spawned one to
  // arrive, or Tab may pick a pack member out of Magic Missile's range (refused as `range`).
  const before = (await num(a, 'realm-nearby', 'data-enemies')) ?? 0;
  await console_(a, '/spawn brute 1');
  await until(a, () => num(a, 'realm-nearby', 'data-enemies'), (n) => n > before, 'A: the spawned enemy is not in view');
  await a.keyboard.press('Tab');
  await expectVisible(a, a.getByTestId('realm-target'), 'A: Tab did not target the enemy');
  const full = await num(a, 'realm-target', 'data-hp');
  assert.ok(full > 0, `the target has HP (${full})`);
  await until(
    a,
    async () => {
      await a.keyboard.press('Digit1');
      return num(a, 'realm-target', 'data-hp');
    },
    (hp) => hp !== null && hp < full,
    'A: Magic Missile did not lower the target HP',
  );
  const hit = await a.getByTestId('realm-target').innerText();
  assert.match(hit, /Target: enemy #\d+ · \d+\/\d+ HP/);
  await until(a, () => canvasColours(a), (n) => n >= 12, 'A: the canvas looks empty');
  await a.screenshot({ path: join(ARTIFACTS, 'realms-a-combat.png') });
  await b.screenshot({ path: join(ARTIFACTS, 'realms-b-together.png') });

  // B walks to the nearest exit for real, steering with the arrow keys, and the page shows the neighbouring zone.
  const [zx, zy] = aZone.match(/^Zone (\d+),(\d+)/).slice(1).map(Number);
  const ground = await groundOf(realmId, zx, zy);
  const bAt = [Math.floor((await num(b, 'realm-self', 'data-x')) / 256), Math.floor((await num(b, 'realm-self', 'data-y')) / 256)];
  const route = pathToExit(ground, bAt, ground.exits);
  assert.ok(route, `zone ${zx},${zy} has no open way from ${bAt} to an exit`);
  const next = `Zone ${route.exit.x},${route.exit.y}`;
  await walkPath(b, route.tiles, async () => (await zoneLabel(b)).startsWith(next), 120_000);
  await until(b, () => num(b, 'realm-self', 'data-hp'), (hp) => hp > 0, 'B: no own state in the new zone');
  await until(b, () => canvasColours(b), (n) => n >= 12, 'B: the new zone is not drawn');
  await until(a, () => num(a, 'realm-nearby', 'data-players'), (n) => n === 0, 'A still sees B after the transfer');

  // A follows through the same exit: the console teleports A next to its edge, and A walks across.
  const lane = laneToExit({ ...ground, exits: [route.exit] }, route.tiles[route.tiles.length - 1]);
  assert.ok(lane, `zone ${zx},${zy} has no open lane to the ${route.exit.edge} exit`);
  await console_(a, `/tp ${lane.start[0]} ${lane.start[1]}`);
  await a.keyboard.down(lane.key);
  await until(a, () => zoneLabel(a), (t) => t.startsWith(next), `A did not reach ${next}`, 60_000);
  await a.keyboard.up(lane.key);
  await until(a, () => canvasColours(a), (n) => n >= 12, 'A: the new zone is not drawn');
  // Together again in the neighbouring zone: A crossed as near to where B did as the ground allows.
  await until(b, () => num(b, 'realm-nearby', 'data-players'), (n) => n >= 1, 'B does not see A in the new zone', 60_000);
  await until(a, () => num(a, 'realm-nearby', 'data-players'), (n) => n >= 1, 'A does not see B in the new zone');
  await a.screenshot({ path: join(ARTIFACTS, 'realms-a-next-zone.png') });
  await b.screenshot({ path: join(ARTIFACTS, 'realms-b-next-zone.png') });

  assert.deepEqual(pageErrors, []);
});
