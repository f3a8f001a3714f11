import { describe, expect, it } from 'vitest';
import { hourToCompact } from './history-compaction';

const now = new Date('2026-11-01T11:00:05.000Z');

describe('hourToCompact', () => {
  it('compacts the hour of the newest stored reading once it is over', () => {
    expect(hourToCompact('2026-11-01T10:59:55.000Z', '2026-11-01T09:00:00.000Z', now)).toEqual(new Date('2026-11-01T10:00:00.000Z'));
    expect(hourToCompact('2026-11-01T10:59:55.000Z', undefined, now)).toEqual(new Date('2026-11-01T10:00:00.000Z'));
  });

  it('leaves the hour still going, an hour already compacted, and a device that never reported', () => {
    expect(hourToCompact('2026-11-01T11:00:01.000Z', '2026-11-01T09:00:00.000Z', now)).toBeUndefined();
    expect(hourToCompact('2026-11-01T10:20:00.000Z', '2026-11-01T10:00:00.000Z', now)).toBeUndefined();
    expect(hourToCompact(null, null, now)).toBeUndefined();
  });

  it('compacts a device switched off hours ago at its next poll, its last hour only', () => {
    expect(hourToCompact('2026-11-01T06:40:00.000Z', '2026-11-01T05:00:00.000Z', now)).toEqual(new Date('2026-11-01T06:00:00.000Z'));
  });
});
