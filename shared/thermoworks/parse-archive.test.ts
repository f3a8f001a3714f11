import { describe, expect, it } from 'vitest';
import { MalformedResponseError } from './errors';
import { parseDocumentPage } from './firestore-document';
import { parseArchive, parseArchiveFile } from './parse-archive';
import { readFixture } from './testing/fixtures';

const SERIAL = '66:55:44:33:22:11';

describe('archives (fixtures)', () => {
  it('reads the archive listing', () => {
    const page = parseDocumentPage(readFixture('archive-list'));
    expect(page.nextPageToken).toBeUndefined();
    const [archive] = page.documents.map((doc) => parseArchive(doc, SERIAL));
    expect(archive).toMatchObject({
      id: 'arch-1',
      serial: SERIAL,
      type: 'auto',
      label: 'Week 44',
      filename: 'archives/66:55:44:33:22:11/arch-1.json',
      public: false,
      count: 6,
      start: new Date('2026-10-30T00:00:00.000Z'),
      end: new Date('2026-10-30T00:50:00.000Z'),
      createdOn: new Date('2026-10-30T01:00:00.000Z'),
      channels: [{ number: '1', label: 'Cellar', recentReadings: [], extra: {} }],
    });
    expect(archive?.extra).toEqual({ events: [], deviceData: { serial: SERIAL } });
  });

  it('reads the archive file: epoch-ms times, rounded values', () => {
    const file = parseArchiveFile(readFixture('archive-file'), 'fallback');
    expect(file.serial).toBe(SERIAL);
    expect(file.start?.toISOString()).toBe('2026-10-30T00:00:00.000Z');
    expect(file.readings.map((r) => r.value)).toEqual([55.1, 55.2, 55.3, 55.4, 55.5, 55.6]);
    expect(file.readings[2]).toEqual({ serial: SERIAL, channel: '1', at: new Date(1793319600000), value: 55.3, units: 'F' });
  });

  it('accepts epoch seconds, ISO times and string values; drops unreadable rows', () => {
    const file = parseArchiveFile(
      {
        readings: [
          ['1', 1793318400, '55.1', 'F'],
          [2, '2026-10-30T00:10:00Z', 12.5, 'C'],
          ['3', 'not a time', 1, 'F'],
          ['4'],
          'junk',
          ['1', 1793319000, null, 'F'],
        ],
      },
      'S',
    );
    expect(file.readings).toEqual([
      { serial: 'S', channel: '1', at: new Date('2026-10-30T00:00:00Z'), value: 55.1, units: 'F' },
      { serial: 'S', channel: '1', at: new Date('2026-10-30T00:10:00Z'), value: null, units: 'F' },
      { serial: 'S', channel: '2', at: new Date('2026-10-30T00:10:00Z'), value: 12.5, units: 'C' },
    ]);
  });

  it('refuses a file without readings', () => {
    expect(() => parseArchiveFile({ serial: 'x' }, 'x')).toThrow(MalformedResponseError);
  });
});
