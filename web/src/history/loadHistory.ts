/** Fetches every charted channel's history at once and lines the answers up for uPlot. */
import type { ApiClient } from '../api/client';
import { mergeSeries, type ChartData } from './chartData';
import { gapSecondsFor, type TimeWindow } from './historyRange';
import { historyPoints, type ChartPlan } from './historySeries';

export interface LoadedHistory {
  data: ChartData;
  /** The coarsest bin any channel came back in (null: raw readings); sets the gap threshold for live points. */
  binSeconds: number | null;
  gapSeconds: number;
}

export async function loadChartHistory(
  api: Pick<ApiClient, 'getHistory'>,
  sessionToken: string,
  request: { serial: string; plan: ChartPlan; window: TimeWindow; maxPoints: number; signal?: AbortSignal },
): Promise<LoadedHistory> {
  const { serial, plan, window, maxPoints, signal } = request;
  // In parallel: one channel's slow answer must not hold up the others' requests.
  const answers = await Promise.all(
    plan.channels.map((c) =>
      api.getHistory(sessionToken, { serial, channel: c.channel, from: window.from, to: window.to, maxPoints }, signal === undefined ? {} : { signal }),
    ),
  );
  let binSeconds: number | null = null;
  for (const answer of answers) {
    if (answer.binSeconds !== null) binSeconds = Math.max(binSeconds ?? 0, answer.binSeconds);
  }
  const gapSeconds = gapSecondsFor(binSeconds);
  const data = mergeSeries(
    answers.map((answer) => historyPoints(answer.points, plan.units)),
    { gapSeconds },
  );
  return { data, binSeconds, gapSeconds };
}
