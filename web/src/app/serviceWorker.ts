/**
 * Registers the service worker (production builds only: vite-plugin-pwa's virtual module) and reports when a new
 * version waits, with the function that switches to it (the page reloads once the new worker has taken over).
 */
export interface WaitingUpdate {
  apply(): Promise<void>;
}

export async function registerServiceWorker(onUpdate: (update: WaitingUpdate) => void): Promise<void> {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const { registerSW } = await import('virtual:pwa-register');
  const updateSW = registerSW({
    immediate: true,
    onNeedRefresh: () => onUpdate({ apply: () => updateSW(true) }),
  });
}
