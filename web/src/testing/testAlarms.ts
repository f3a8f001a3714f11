/** Tests only: alarm rules, events and channels as the API answers them, and a fake alarm API. */
import type { AlarmEventView, AlarmView, ChannelView } from '../../../shared/api/alarm-schemas';
import type { DeviceView } from '../../../shared/api/schemas';
import type { AlarmApi } from '../alarms/alarmApi';

export function testAlarm(overrides: Partial<AlarmView> = {}): AlarmView {
  return {
    alarmId: 'alm-1',
    name: null,
    serial: 'S1',
    channel: '2',
    cookId: null,
    kind: 'above',
    threshold: 203,
    low: null,
    high: null,
    band: null,
    minutes: null,
    units: 'F',
    hysteresis: 2,
    cooldownMinutes: 5,
    notify: [],
    urgent: false,
    escalateEveryMinutes: 5,
    enabled: true,
    snoozedUntil: null,
    deviceAlarm: null,
    state: { armed: true, breached: false, lastFiredAt: null, lastValue: null },
    createdAt: '2026-03-07T12:00:00.000Z',
    updatedAt: '2026-03-07T12:00:00.000Z',
    ...overrides,
  };
}

export function testAlarmEvent(overrides: Partial<AlarmEventView> = {}): AlarmEventView {
  return {
    eventId: 'evt-1',
    alarmId: 'alm-1',
    state: 'delivered',
    kind: 'above',
    ruleName: null,
    serial: 'S1',
    channel: '2',
    label: 'Brisket',
    value: 203.4,
    threshold: 203,
    units: 'F',
    message: 'Brisket at or above 203 °F (now 203.4 °F)',
    urgent: false,
    firedAt: '2026-03-07T13:00:00.000Z',
    deliveredAt: '2026-03-07T13:00:01.000Z',
    acknowledgedAt: null,
    acknowledgedVia: null,
    resolvedAt: null,
    escalationRound: 0,
    deliveries: [],
    ...overrides,
  };
}

export function testChannel(overrides: Partial<ChannelView> = {}): ChannelView {
  return {
    channelId: 'ch-1',
    type: 'webhook',
    name: 'my receiver',
    status: 'active',
    disabledReason: null,
    quietHours: null,
    consecutiveFailures: 0,
    lastDelivery: null,
    destination: 'https://hooks.example.com/pit',
    preset: 'generic',
    createdAt: '2026-03-07T12:00:00.000Z',
    ...overrides,
  };
}

export function testDevice(overrides: Partial<DeviceView> = {}): DeviceView {
  return {
    serial: 'S1',
    label: 'Smoker',
    kind: 'signals',
    online: true,
    lastSeen: '2026-03-07T12:59:50.000Z',
    battery: 90,
    wifiDbm: -60,
    channels: [
      { number: '1', label: 'Pit', value: 250, units: 'F', status: 'normal', probeConnected: true, at: '2026-03-07T12:59:50.000Z' },
      { number: '2', label: 'Brisket', value: 180, units: 'F', status: 'normal', probeConnected: true, at: '2026-03-07T12:59:50.000Z' },
    ],
    ...overrides,
  };
}

/** An AlarmApi whose every method fails unless the test gives it. */
export function fakeAlarmApi(methods: Partial<AlarmApi>): AlarmApi {
  return new Proxy(methods as AlarmApi, {
    get: (target, name: string) => target[name as keyof AlarmApi] ?? (() => Promise.reject(new Error(`unexpected call: ${name}`))),
  });
}

export const noChannels = { channels: [], vapidPublicKey: 'BPubKey', email: { available: true }, sms: { available: false, perHour: 5 } };
