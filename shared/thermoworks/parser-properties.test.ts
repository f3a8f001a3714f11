/**
 * Whatever ThermoWorks sends, the parsers either return a domain object or throw MalformedResponseError:
 * never a TypeError, never a zod error, never NaN in a value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MalformedResponseError } from './errors';
import { parseDocument, parseDocumentPage, parseRunQuery } from './firestore-document';
import { parseArchive, parseArchiveFile } from './parse-archive';
import { parseChannel } from './parse-channel';
import { parseDevice } from './parse-device';
import { parseUser } from './parse-user';

const fieldNames = fc.constantFrom(
  'value', 'units', 'status', 'number', 'label', 'battery', 'wifi_stength', 'lastSeen', 'lastTelemetrySaved', 'accountId',
  'alarmHigh', 'alarmLow', 'minimum', 'maximum', 'reading', 'channels', 'recentReadings', 'v', 'ts', 'u', 'deviceOrder',
  'transmitIntervalInSeconds', 'start', 'end', 'createdOn', 'count', '__proto__', 'constructor', 'x',
);

/** Firestore-shaped values, well-formed or subtly not. */
const { value: typedValue } = fc.letrec<{ value: unknown; fields: Record<string, unknown> }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.record({ stringValue: fc.oneof(fc.string(), fc.constantFrom('F', 'C', 'H', 'NO PROBE', 'NaN', '12.5', '')) }),
    fc.record({ integerValue: fc.oneof(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String), fc.integer(), fc.string()) }),
    fc.record({ doubleValue: fc.oneof(fc.double(), fc.constantFrom('NaN', 'Infinity', '-Infinity', 'abc')) }),
    fc.record({ booleanValue: fc.oneof(fc.boolean(), fc.string()) }),
    fc.record({ timestampValue: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string()) }),
    fc.record({ nullValue: fc.constantFrom(null, 'NULL_VALUE', 0) }),
    fc.record({ mapValue: fc.oneof(fc.record({ fields: tie('fields') }, { requiredKeys: [] }), fc.anything()) }),
    fc.record({ arrayValue: fc.record({ values: fc.array(tie('value'), { maxLength: 4 }) }, { requiredKeys: [] }) }),
    fc.anything(),
  ),
  fields: fc.dictionary(fieldNames, tie('value'), { maxKeys: 8 }),
}));

const documentLike = fc.oneof(
  fc.record(
    {
      name: fc.oneof(fc.constant('projects/p/databases/(default)/documents/devices/AA:BB/channels/1'), fc.string(), fc.integer()),
      fields: fc.oneof(fc.dictionary(fieldNames, typedValue, { maxKeys: 12 }), fc.anything()),
      createTime: fc.oneof(fc.string(), fc.constant('2025-05-01T00:00:00.000Z')),
      updateTime: fc.anything(),
    },
    { requiredKeys: ['name'] },
  ),
  fc.anything(),
);

function onlyMalformed(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MalformedResponseError);
  }
}

function noNaN(value: unknown): void {
  if (typeof value === 'number') expect(Number.isNaN(value)).toBe(false);
}

describe('parsers never throw anything but MalformedResponseError', () => {
  it('documents: device, channel, user, archive', () => {
    fc.assert(
      fc.property(documentLike, (raw) => {
        onlyMalformed(() => {
          const doc = parseDocument(raw);
          const device = parseDevice(doc, { now: new Date('2026-11-01T00:00:00Z') });
          noNaN(device.battery);
          noNaN(device.wifiDbm);
          const channel = parseChannel(doc, 'AA:BB');
          noNaN(channel.value);
          expect(channel.probeConnected).toBe(channel.value !== null);
          expect(['F', 'C', 'H']).toContain(channel.units);
          parseArchive(doc, 'AA:BB');
          parseUser(doc);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('runQuery results and listings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(fc.oneof(fc.record({ document: documentLike, readTime: fc.string() }, { requiredKeys: [] }), fc.anything())), fc.anything()), (raw) => {
        onlyMalformed(() => parseRunQuery(raw));
        onlyMalformed(() => parseDocumentPage(raw));
        onlyMalformed(() => parseDocumentPage({ documents: raw }));
      }),
      { numRuns: 300 },
    );
  });

  it('archive files', () => {
    const row = fc.oneof(fc.tuple(fc.oneof(fc.string(), fc.integer()), fc.oneof(fc.integer(), fc.double(), fc.string()), fc.oneof(fc.double(), fc.string(), fc.constant(null)), fc.string()), fc.anything());
    fc.assert(
      fc.property(fc.oneof(fc.record({ serial: fc.anything(), start: fc.anything(), readings: fc.array(row, { maxLength: 10 }) }, { requiredKeys: ['readings'] }), fc.anything()), (raw) => {
        onlyMalformed(() => {
          for (const r of parseArchiveFile(raw, 'S').readings) {
            noNaN(r.value);
            expect(Number.isNaN(r.at.getTime())).toBe(false);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
