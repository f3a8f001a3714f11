/** Active cooks on devices with new readings get fresh done-time predictions, stored and pushed. */
import type { ServerMessage } from '../api/schemas';
import type { PersonalPriors } from '../cook/personal/personal-priors';
import type { ActiveCook } from '../cooks/cook-record';
import { updateCook } from '../cooks/update-cook';
import type { Reading } from '../readings/reading';
import type { PollDependencies } from './poll-dependencies';

/** `personal`: the account's personal priors, read with the account partition (no read of their own). */
export async function updateCooks(
  cooks: readonly ActiveCook[],
  readings: readonly Reading[],
  deps: Pick<PollDependencies, 'cooks' | 'clock'>,
  personal?: PersonalPriors,
): Promise<ServerMessage[]> {
  const messages: ServerMessage[] = [];
  for (const cook of cooks) {
    const mine = readings.filter((r) => r.serial === cook.serial);
    if (mine.length === 0) continue;
    const { cook: updated, alerts, persist } = updateCook(cook, mine, deps.clock.now(), 'F', personal);
    if (!persist) continue; // an ETA moves slowly: stored and pushed once a minute, alerts at once (they persist)
    if (!(await deps.cooks.saveProgress(updated))) continue; // ended meanwhile: nothing to store or push
    messages.push(...updated.predictions.map((p) => ({ type: 'prediction' as const, serial: cook.serial, ...p })));
    if (updated.serveAt && updated.serveCheck) messages.push({ type: 'serve-check', serial: cook.serial, cookId: cook.cookId, serveAt: updated.serveAt, check: updated.serveCheck });
    messages.push(...alerts.map((a) => ({ type: 'alert' as const, serial: cook.serial, ...a })));
  }
  return messages;
}
