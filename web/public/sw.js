/*
 * Worldloom's service worker: the app shell and its static assets work offline (so the verify page and the dashboard
 * open with the network off), and so does the last projects list. Nothing else from /api is ever cached: it is
 * private and changes. Registered by src/lib/offline.ts in production builds; the page clears the data cache on logout.
 */
const SHELL = 'worldloom-shell-v1';
// Also named in src/lib/offline.ts, which deletes it on logout.
const DATA = 'worldloom-data-v1';
const STATIC = ['/manifest.webmanifest', '/favicon.svg', '/icons/icon-192.png', '/icons/icon-512.png', '/icons/icon-maskable-512.png'];
// Server pages and endpoints that are not the single-page app: never answered with its shell.
const NOT_APP = /^\/(api|docs|openapi|metrics|health|\.well-known)(\/|$)/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      const index = await fetch('/index.html', { cache: 'no-store' });
      if (!index.ok) throw new Error(`index.html: ${index.status}`);
      const html = await index.clone().text();
      await cache.put('/index.html', index);
      // The hashed bundles the shell loads; later ones are cached as they are first fetched.
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
      await cache.addAll([...new Set([...assets, ...STATIC])]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name !== SHELL && name !== DATA) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === '/api/projects') {
    event.respondWith(networkFirst(request));
  } else if (request.mode === 'navigate' && !NOT_APP.test(url.pathname)) {
    event.respondWith(navigation(request));
  } else if (url.pathname.startsWith('/assets/')) {
    // Hashed names: a file never changes under its name, so the cached copy is always right.
    event.respondWith(cacheFirst(request));
  } else if (STATIC.includes(url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
});

/** The network's answer, kept for later; offline, the last answer kept. */
async function networkFirst(request) {
  const cache = await caches.open(DATA);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch {
    const cached = await cache.match(request);
    if (cached) return cached;
    return new Response(
      JSON.stringify({ status: 503, title: 'Offline.', detail: 'You are offline, and this device has no saved copy of this list yet.' }),
      { status: 503, headers: { 'Content-Type': 'application/problem+json' } },
    );
  }
}

/** Every client route is the same index.html: fresh from the network when online, the cached one when not. */
async function navigation(request) {
  const cache = await caches.open(SHELL);
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get('Content-Type') ?? '').startsWith('text/html')) await cache.put('/index.html', response.clone());
    return response;
  } catch {
    return (await cache.match('/index.html')) ?? Response.error();
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}
