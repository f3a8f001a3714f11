/**
 * Hands live `reading` messages to whoever watches one device (an open history chart) without routing them
 * through React state: a chart appends points itself, so a reading costs no re-render of the page.
 */
import type { ReadingMessage } from '../../../shared/api/schemas';

export type ReadingListener = (reading: ReadingMessage) => void;

export interface ReadingHub {
  publish(reading: ReadingMessage): void;
  /** Returns the unsubscribe function. */
  subscribe(serial: string, listener: ReadingListener): () => void;
}

export function createReadingHub(): ReadingHub {
  const listeners = new Map<string, Set<ReadingListener>>();
  return {
    publish(reading) {
      const set = listeners.get(reading.serial);
      if (set === undefined) return;
      // A copy: a listener that unsubscribes while being called must not skip the next one.
      for (const listener of [...set]) listener(reading);
    },
    subscribe(serial, listener) {
      let set = listeners.get(serial);
      if (set === undefined) listeners.set(serial, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(serial) === set) listeners.delete(serial);
      };
    },
  };
}
