import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors';
import { parseCookLog, parseTimestamp } from './parse-cook-log';

describe('parseCookLog', () => {
  it('reads ISO and epoch-ms timestamps, sorts stably by time and converts °C to °F', () => {
    const log = parseCookLog(
      [
        'timestamp,probe,temperature,unit',
        '2024-05-01T10:00:30Z,meat1,50,C',
        '1714557600000,pit,107.5,C',
        '2024-05-01T10:00:00Z,meat1,40,C',
        '2024-05-01T10:00:00.000Z,meat1,41,C',
      ].join('\n'),
    );
    expect(log.unit).toBe('C');
    expect(log.probes).toEqual(['pit', 'meat1']);
    expect(log.rows.map((r) => [r.atMs, r.probe, r.temperatureF])).toEqual([
      [1714557600000, 'pit', expect.closeTo(225.5, 6)],
      [1714557600000, 'meat1', expect.closeTo(104, 6)],
      [1714557600000, 'meat1', expect.closeTo(105.8, 6)],
      [1714557630000, 'meat1', expect.closeTo(122, 6)],
    ]);
    expect(log.rows[1]?.temperatureText).toBe('40');
  });

  it('keeps rows where the probe read nothing, with no temperature', () => {
    const log = parseCookLog('timestamp,probe,temperature,unit\n2024-05-01T10:00:00Z,meat1,,F\n2024-05-01T10:01:00Z,meat1,NaN,F\n');
    expect(log.rows.map((r) => r.temperatureF)).toEqual([undefined, undefined]);
  });

  it('accepts columns in any order, quoted cells, a BOM and CRLF line ends', () => {
    const log = parseCookLog('\uFEFFunit,temperature,probe,timestamp\r\nF,"203.5","meat, left",2024-05-01T10:00:00Z\r\n');
    expect(log.rows[0]).toMatchObject({ probe: 'meat, left', temperatureF: 203.5 });
  });

  it('rejects what it cannot read, naming the line', () => {
    const bad = (text: string): string => {
      try {
        parseCookLog(text);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as Error).message;
      }
      throw new Error('expected a ValidationError');
    };
    expect(bad('')).toMatch(/empty/);
    expect(bad('time,probe,temperature\n')).toMatch(/timestamp/);
    expect(bad('timestamp,probe,temperature,unit\n')).toMatch(/no readings/);
    expect(bad('timestamp,probe,temperature,unit\nyesterday,meat1,40,F\n')).toMatch(/line 2: unreadable timestamp/);
    expect(bad('timestamp,probe,temperature,unit\n2024-05-01T10:00:00Z,meat1,hot,F\n')).toMatch(/line 2: .*not a number/);
    expect(bad('timestamp,probe,temperature,unit\n2024-05-01T10:00:00Z,meat1,40,K\n')).toMatch(/unknown unit/);
  });
});

describe('parseTimestamp', () => {
  it('takes zone-less ISO times as UTC and refuses ambiguous forms', () => {
    expect(parseTimestamp('2021-11-13T02:22:44')).toBe(Date.UTC(2021, 10, 13, 2, 22, 44));
    expect(parseTimestamp('2021-11-13 02:22:44+01:00')).toBe(Date.UTC(2021, 10, 13, 1, 22, 44));
    expect(parseTimestamp('1636770164000')).toBe(1636770164000);
    expect(parseTimestamp('11/13/2021 02:22')).toBeUndefined();
    expect(parseTimestamp('1636770164')).toBeUndefined(); // epoch seconds: refuse rather than misread
  });
});
