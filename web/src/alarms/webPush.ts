/**
 * Web Push for this browser: permission is asked only here, when the user clicks "Enable", never on page load; the
 * subscription is made through the service worker with the deployment's VAPID public key, and handed to the API as
 * a `web-push` notification channel.
 */

export type PushSupport = 'supported' | 'no-service-worker' | 'no-push' | 'denied';

export function pushSupport(): PushSupport {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return 'no-service-worker';
  if (typeof window === 'undefined' || !('PushManager' in window) || typeof Notification === 'undefined') return 'no-push';
  if (Notification.permission === 'denied') return 'denied';
  return 'supported';
}

/** A VAPID key (base64url) as the bytes `applicationServerKey` takes. */
export function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export interface SubscriptionBody {
  endpoint: string;
  expirationTime: number | null;
  keys: { p256dh: string; auth: string };
}

export class PushRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PushRefusedError';
  }
}

/** Asks for permission (the click is the reason), subscribes, and answers what POST /notification-channels takes. */
export async function subscribeThisBrowser(vapidPublicKey: string, timeoutMs = 10_000): Promise<SubscriptionBody> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') throw new PushRefusedError('Notifications are blocked for Pitwatch in this browser. Allow them in the site settings, then try again.');
  const registration = await Promise.race([
    navigator.serviceWorker.ready,
    new Promise<never>((_, reject) => setTimeout(() => reject(new PushRefusedError('The app’s service worker is not running yet. Reload the page and try again.')), timeoutMs)),
  ]);
  const subscription =
    (await registration.pushManager.getSubscription()) ?? (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: applicationServerKey(vapidPublicKey) }));
  const json = subscription.toJSON();
  if (json.endpoint === undefined || json.keys?.p256dh === undefined || json.keys.auth === undefined) throw new PushRefusedError('This browser gave no usable push subscription.');
  return { endpoint: json.endpoint, expirationTime: json.expirationTime ?? null, keys: { p256dh: json.keys.p256dh, auth: json.keys.auth } };
}
