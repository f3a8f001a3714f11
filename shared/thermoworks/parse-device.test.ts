import { describe, expect, it } from 'vitest';
import { parseDocument, parseRunQuery } from './firestore-document';
import { parseDevice } from './parse-device';
import { fixtureDocument, readFixture } from './testing/fixtures';

describe('parseDevice (fixtures)', () => {
  it('reads a Node datalogger with its cadence', () => {
    const d = parseDevice(fixtureDocument('device-node'));
    expect(d).toMatchObject({
      serial: '66:55:44:33:22:11',
      label: 'NODE',
      kind: 'node',
      deviceField: 'node',
      typeField: 'datalogger',
      accountId: 'acct-example-1',
      status: 'NORMAL',
      online: true,
      battery: 100,
      batteryState: 'discharging',
      wifiDbm: -72,
      firmware: '1.0.26-26',
      recordingIntervalSeconds: 600,
      transmitIntervalSeconds: 7200,
      displayUnits: 'F',
    });
    expect(d.lastTelemetrySaved?.toISOString()).toBe('2026-11-01T18:00:00.000Z');
    expect(d.extra).toMatchObject({ iotDeviceId: 'T000001', exportVersion: 0.5, bigQuery: { datasetId: 'example-dataset' } });
  });

  it('reads a Signals with only a handful of fields', () => {
    const d = parseDevice(fixtureDocument('device-signals'));
    expect(d).toMatchObject({ serial: '11:22:33:44:55:66', kind: 'signals', battery: 88, wifiDbm: -61, batteryState: 'charging' });
    expect(d.recordingIntervalSeconds).toBeUndefined();
    expect(d.extra).toEqual({});
  });

  it('lists the devices of a runQuery answer, skipping items without a document', () => {
    const docs = parseRunQuery(readFixture('run-query-devices'));
    expect(docs.map((doc) => parseDevice(doc).serial)).toEqual(['11:22:33:44:55:66', '66:55:44:33:22:11']);
  });

  it('is offline when the service says so, or after long silence', () => {
    const now = new Date('2026-11-01T20:16:00.000Z');
    expect(parseDevice(fixtureDocument('device-signals'), { now }).online).toBe(true);
    // The Node last uploaded 2h16m ago: within 3 × 7200 s.
    expect(parseDevice(fixtureDocument('device-node'), { now }).online).toBe(true);
    expect(parseDevice(fixtureDocument('device-signals'), { now: new Date('2026-11-01T21:00:00.000Z') }).online).toBe(false);
    const offline = parseDocument({ name: 'projects/p/databases/(default)/documents/devices/X', fields: { status: { stringValue: 'OFFLINE' } } });
    expect(parseDevice(offline)).toMatchObject({ serial: 'X', deviceId: 'X', label: 'X', kind: 'unknown', online: false, accountId: '' });
  });

  it('accepts the snake_case variants one client reads', () => {
    const doc = parseDocument({
      name: 'projects/p/databases/(default)/documents/devices/M100009168',
      fields: { battery_state: { stringValue: 'full' }, last_seen: { integerValue: '1793318400' }, type: { stringValue: 'rfx gateway' } },
    });
    expect(parseDevice(doc)).toMatchObject({ batteryState: 'full', lastSeen: new Date('2026-10-30T00:00:00.000Z'), kind: 'rfx gateway' });
  });
});
