import { describe, expect, it } from 'vitest';
import { liveMessageSchema } from '../../../shared/api/alarm-message-schemas';
import { PONG_FRAME } from '../../../shared/live/heartbeat-route';
import { WireShapeError, type Reader } from '../api/wireReader';
import { disagreements, verdicts } from '../testing/wireAgreement';
import { parseServerFrame, readServerMessage } from './serverMessageReader';

const AT = '2026-12-02T18:00:00.000Z';
const cook = {
  cookId: 'c1',
  serial: 'S',
  status: 'ended',
  name: 'Brisket',
  tags: [],
  rating: null,
  startedAt: AT,
  endedAt: AT,
  pitChannel: null,
  probes: [{ channel: '2', label: null, targetF: 203, presetId: null, meat: null, units: 'F' }],
  predictions: [],
  alerts: [],
};
const alarmEvent = {
  eventId: 'e1',
  alarmId: 'a1',
  state: 'fired',
  kind: 'above',
  ruleName: null,
  serial: 'S',
  channel: '2',
  label: 'Brisket',
  value: 204,
  threshold: 203,
  units: 'F',
  message: 'Brisket is at 204 °F',
  urgent: true,
  firedAt: AT,
  deliveredAt: null,
  acknowledgedAt: null,
  acknowledgedVia: null,
  resolvedAt: null,
  escalationRound: 0,
  deliveries: [{ channelId: 'ch1', status: 'sent', round: 0, attempts: 1, at: AT, detail: null }],
};
const channel = {
  channelId: 'ch1',
  type: 'webhook',
  name: 'ntfy',
  status: 'disabled',
  disabledReason: 'too many failures',
  quietHours: { start: '22:00', end: '06:00', timeZone: 'Europe/Berlin' },
  consecutiveFailures: 5,
  lastDelivery: { at: AT, status: 'failed', detail: 'HTTP 500' },
  destination: 'https://ntfy.sh/x',
  preset: 'ntfy',
  createdAt: AT,
};

const MESSAGES: Array<[string, unknown]> = [
  ['readings', { type: 'readings', serial: 'S', channels: [{ channel: '1', value: null, units: 'F', status: 'no-probe', probeConnected: false, at: AT }] }],
  ['prediction', { type: 'prediction', serial: 'S', channel: '2', phase: 'heating', etaAt: AT, etaLowAt: AT, etaHighAt: AT, reason: null, stallStartedAt: null, at: AT }],
  [
    'serve-check',
    {
      type: 'serve-check',
      serial: 'S',
      cookId: 'c1',
      serveAt: AT,
      check: { status: 'early', minutesLate: -300, doneAt: AT, readyAt: AT, channel: '2', restMinutes: 60, restMaxMinutes: 240, pitF: 235, pitEnough: false, wrap: false, at: AT },
    },
  ],
  ['alert', { type: 'alert', serial: 'S', kind: 'target-reached', channel: '2', message: 'done', at: AT }],
  ['cook', { type: 'cook', change: 'ended', serial: 'S', cook }],
  ['pong', { type: 'pong' }],
  ['prediction with what past cooks taught', { type: 'prediction', serial: 'S', channel: '2', phase: 'stall', etaAt: AT, etaLowAt: AT, etaHighAt: AT, reason: null, stallStartedAt: AT, at: AT, basedOn: 'based on your last 2 briskets: stall about 3 h 10 m' }],
  ['error', { type: 'error', code: 'VALIDATION', message: 'bad ping' }],
  ['session-ended', { type: 'session-ended', reason: 'revoked' }],
  ['alarm', { type: 'alarm', change: 'fired', event: alarmEvent }],
  ['notification-channel', { type: 'notification-channel', change: 'disabled', channel }],
];

const reader: Reader<unknown> = (value) => {
  const message = readServerMessage(value);
  if (message === undefined) throw new WireShapeError('', 'a server message');
  return message;
};

describe('reading server messages', () => {
  it.each(MESSAGES)('reads a %s message as the schema does, alarm ones included', (_type, message) => {
    const both = verdicts(reader, liveMessageSchema, message);
    expect(both.schema).not.toBe('refused');
    expect(both.reader).toEqual(both.schema);
  });

  it.each(MESSAGES)('drops a broken %s message exactly when the schema refuses it', (_type, message) => {
    expect(disagreements(reader, liveMessageSchema, message)).toEqual([]);
  });

  it('ignores frames that are not messages, without throwing', () => {
    for (const frame of [undefined, 42, new ArrayBuffer(2), '', 'not json', 'null', '[]', '"readings"', '{}', '{"type":"toString"}', '{"type":"__proto__"}', '{"type":"hello"}', '{"type":"readings","serial":"S","channels":[]}']) {
      expect(parseServerFrame(frame)).toBeUndefined();
    }
    expect(parseServerFrame(JSON.stringify({ type: 'pong' }))).toEqual({ type: 'pong' });
  });

  it('reads the pong frame API Gateway sends for a ping as a message: it is what keeps the heartbeat from calling a live socket dead', () => {
    expect(parseServerFrame(PONG_FRAME)).toEqual({ type: 'pong' });
  });
});
