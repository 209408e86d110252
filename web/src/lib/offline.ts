/**
 * The offline side of the app: the service worker (public/sw.js) that keeps the shell, static assets and the last
 * projects list, and clearing what it saved when the user leaves.
 */

/** The service worker's cache of API answers (public/sw.js names it too). */
export const DATA_CACHE = 'worldloom-data-v1';

/** Registers the service worker in production builds; the dev server serves modules it could not cache sensibly. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const register = () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/** Deletes the saved projects list, so the next person on this device does not see it. */
export async function clearOfflineData(): Promise<void> {
  if (typeof caches === 'undefined') return;
  await caches.delete(DATA_CACHE).catch(() => false);
}
