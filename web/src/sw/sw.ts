/// <reference lib="webworker" />
/**
 * Pitwatch's service worker: the app shell (every built file) precached so the app opens with no network, new
 * versions installed in the background and taken only when the user agrees (the update prompt posts SKIP_WAITING).
 * Built by vite-plugin-pwa (injectManifest) into /sw.js. Alarms arrive by Web Push: `push` shows them with
 * Acknowledge and Snooze buttons, `notificationclick` acts on them (./alarmPush.ts).
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { alarmNotification, clickOutcome, readPushPayload } from './alarmPush';

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

// Alarms by Web Push: shown even with no Pitwatch page open; the buttons act through the signed links.
self.addEventListener('push', (event: PushEvent) => {
  let data: unknown = null;
  try {
    data = event.data?.json() ?? null;
  } catch {
    data = null;
  }
  const { title, options } = alarmNotification(readPushPayload(data));
  event.waitUntil(self.registration.showNotification(title, options));
});

self.addEventListener('notificationclick', (event: NotificationEvent) => {
  const outcome = clickOutcome(event.action, event.notification.data);
  event.notification.close();
  event.waitUntil(outcome.kind === 'link' ? postLink(outcome.url, outcome.token) : openApp(outcome.path));
});

/** Acknowledge or snooze without opening the app; if that fails (offline, expired link), the app opens instead. */
async function postLink(url: string, token: string): Promise<void> {
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    if (response.ok) return;
  } catch {
    // Fall through: the user still gets to the alarm.
  }
  await openApp('/alarm-events');
}

async function openApp(path: string): Promise<void> {
  const url = new URL(path, self.location.origin).href;
  const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const page = pages.find((p) => new URL(p.url).origin === self.location.origin);
  if (page !== undefined) {
    await page.focus();
    await page.navigate(url).catch(() => undefined);
    return;
  }
  await self.clients.openWindow(url);
}
