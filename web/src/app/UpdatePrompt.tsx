import { useEffect, useState } from 'react';
import { registerServiceWorker, type WaitingUpdate } from './serviceWorker';

/** "A new version is ready": the user decides when to reload (never in the middle of reading a chart). */
export function UpdatePrompt() {
  const [update, setUpdate] = useState<WaitingUpdate | null>(null);
  useEffect(() => {
    registerServiceWorker(setUpdate).catch(() => undefined); // no service worker: the app works as a plain page
  }, []);
  if (update === null) return null;
  return (
    <div className="update-prompt" role="status">
      <span>A new version of Pitwatch is ready.</span>
      <button type="button" className="button button--primary" onClick={() => void update.apply()}>
        Reload
      </button>
      <button type="button" className="button button--quiet" onClick={() => setUpdate(null)}>
        Later
      </button>
    </div>
  );
}
