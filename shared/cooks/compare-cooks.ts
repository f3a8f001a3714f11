import type { CookStore } from './cook-store';
import type { ReadingStore } from '../readings/reading';
import { binSecondsFor } from '../readings/device-history';
import { alignedSeries, cookSpan } from './cook-series';
import { cookReadings, requireCook } from './manage-cook';
import { cookDetail } from './cook-views';

/** Points per cook series on the compare chart. */
const COMPARE_POINTS = 720;

/** Two cooks on one axis (seconds since each cook's start), meat and pit, with their details and stats. */
export async function compareCooks(accountId: string, ids: readonly [string, string], deps: { cooks: CookStore; readings: ReadingStore; now: Date }) {
  const found = await Promise.all(ids.map((id) => requireCook(accountId, id, deps.cooks)));
  const spans = found.map(({ record }) => cookSpan(record, deps.now));
  const longest = Math.max(...spans.map((s) => s.to.getTime() - s.from.getTime()));
  // One bucket width for both, so their points line up.
  const binSeconds = binSecondsFor(longest, COMPARE_POINTS) ?? 15;
  const cooks = await Promise.all(
    found.map(async ({ record, active }, i) => {
      const probes = active?.probes ?? record.probes;
      const span = spans[i]!;
      const byChannel = await cookReadings({ ...record, probes }, span.from, span.to, deps.readings);
      const startMs = span.from.getTime();
      const series = (channel: string, label: string | null) => ({ channel, label, points: alignedSeries(byChannel.get(channel) ?? [], startMs, binSeconds) });
      return {
        cook: cookDetail(record, active),
        meat: probes.map((p) => series(p.channel, p.label)),
        pit: record.pitChannel ? series(record.pitChannel, 'Pit') : null,
      };
    }),
  );
  return { binSeconds, cooks };
}
