/**
 * The `requestRetrieveInstrumentHistory` callable Cloud Function (PROTOCOL.md §3): `POST {functions origin}/{name}`
 * with the bearer token and `{"data": {deviceId, start, end}}`, answering `{"result": {serial, channels: [{number,
 * readings: [{v, ts, u}]}]}}`: the points the device uploaded in that range, within the last `historySeconds`.
 * PROTOCOL.md names the function and the reading shape `{v, ts, u}` only; the request fields and the grouping by
 * channel are this simulator's assumption, and the client reads the answer leniently. It answers 500 now and then.
 */
import * as z from 'zod';
import { HISTORY_FUNCTION } from '../session';
import { rpcError, type SimResponse } from './google-errors';
import type { SimulatorWorld } from './simulator-world';

export { HISTORY_FUNCTION };

const requestSchema = z.object({ data: z.object({ deviceId: z.string().min(1), start: z.string(), end: z.string() }) });

export function historyFunctionAnswer(world: SimulatorWorld, accountId: string, body: unknown): SimResponse {
  if (world.historyFunctionRandom() < world.scenario.historyFunction.errorRate) return rpcError(500, 'INTERNAL', 'INTERNAL');
  const parsed = requestSchema.safeParse(body);
  if (!parsed.success) return rpcError(400, 'INVALID_ARGUMENT', 'Invalid request: data.deviceId, data.start and data.end are required.');
  const { deviceId, start, end } = parsed.data.data;
  const timeline = world.timeline(deviceId);
  if (!timeline || timeline.accountId !== accountId) return rpcError(404, 'NOT_FOUND', `No instrument ${deviceId}.`);
  const nowMs = world.nowMs();
  const uploaded = timeline.lastTransmitAt(nowMs);
  const fromMs = Math.max(Date.parse(start), nowMs - world.scenario.historyFunction.historySeconds * 1000);
  const toMs = Math.min(Date.parse(end), uploaded ?? Number.NEGATIVE_INFINITY);
  if (Number.isNaN(fromMs) || Number.isNaN(toMs)) return rpcError(400, 'INVALID_ARGUMENT', 'start and end must be ISO times.');
  const channels = timeline.device.channels.map((channel) => ({
    number: channel.number,
    readings:
      toMs < fromMs
        ? []
        : timeline
            .groundTruth(channel.number, fromMs, toMs)
            .filter((p) => p.value !== null)
            .map((p) => ({ v: String(p.value), ts: p.at.getTime(), u: p.units })),
  }));
  return { status: 200, body: { result: { serial: deviceId, channels } } };
}
