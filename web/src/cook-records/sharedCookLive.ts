/**
 * A share link's live updates (README "Sharing"): a WebSocket opened with `?share=<token>` carries only that cook's
 * device `readings` and `prediction` messages, and `session-ended` when the link is revoked. Readings go into the
 * chart model in place; predictions replace that probe's one in the cached shared cook.
 */
import type { SharedCook } from '../../../shared/api/cook-schemas';
import { splitReadings } from '../../../shared/api/readings-message';
import type { ServerMessage } from '../../../shared/api/schemas';
import { applyReading, type ChartModel } from '../live-view/useCookChartData';

export function shareLiveUrl(wsUrl: string, shareToken: string): string {
  const url = new URL(wsUrl);
  url.searchParams.set('share', shareToken);
  return url.toString();
}

export type ShareMessageEffect = { kind: 'chart' } | { kind: 'cook'; cook: SharedCook } | { kind: 'ended' } | { kind: 'none' };

/** What one message changes: the chart (already applied to `model`), the cook, the link itself, or nothing. */
export function applyShareMessage(message: ServerMessage, shared: SharedCook, model: ChartModel | null): ShareMessageEffect {
  switch (message.type) {
    case 'readings': {
      if (message.serial !== shared.cook.serial || model === null) return { kind: 'none' };
      let changed = false;
      for (const reading of splitReadings(message)) changed = applyReading(model, message.serial, reading) || changed;
      return changed ? { kind: 'chart' } : { kind: 'none' };
    }
    case 'prediction': {
      if (message.serial !== shared.cook.serial) return { kind: 'none' };
      const { type: _type, serial: _serial, ...prediction } = message;
      const predictions = [...shared.cook.predictions.filter((p) => p.channel !== prediction.channel), prediction];
      return { kind: 'cook', cook: { ...shared, cook: { ...shared.cook, predictions } } };
    }
    case 'session-ended':
      return { kind: 'ended' };
    default:
      return { kind: 'none' };
  }
}
