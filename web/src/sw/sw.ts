/// <reference lib="webworker" />
/**
 * Pitwatch's service worker: the app shell (every built file) precached so the app opens with no network, new
 * versions installed in the background and taken only when the user agrees (the update prompt posts SKIP_WAITING).
 * Built by vite-plugin-pwa (injectManifest) into /sw.js. The alarms work adds its `push` and `notificationclick`
 * handlers here, beside these.
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Screens are client-side routes: any navigation gets the app shell. Files (a name with an extension) and the APIs
// are never answered with it: a missing file must stay a 404.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//, /^\/ws/, /\/[^/?]+\.[a-z0-9]+$/i],
  }),
);

// The API and WebSocket URLs: fresh when online, the last copy when not, so the shell still starts offline.
registerRoute(({ url }) => url.origin === self.location.origin && url.pathname === '/config.json', new NetworkFirst({ cacheName: 'pitwatch-config' }));

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
