import { describe, expect, it } from 'vitest';
import { serveAtFrom, wallDateTime } from './serveAtField';

const now = Date.parse('2026-03-07T10:00:00.000Z');

describe('serveAtFrom', () => {
  it('reads the wall clock of the user zone, and nothing typed as no serve time', () => {
    expect(serveAtFrom('2026-03-07', '18:00', 'America/Chicago', now)).toEqual({ ok: true, serveAt: '2026-03-08T00:00:00.000Z' });
    expect(serveAtFrom('2026-03-07', '18:00', 'UTC', now)).toEqual({ ok: true, serveAt: '2026-03-07T18:00:00.000Z' });
    expect(serveAtFrom('', '', 'UTC', now)).toEqual({ ok: true, serveAt: null });
  });

  it('refuses half a time, the past and more than two days ahead, as the API would', () => {
    expect(serveAtFrom('2026-03-07', '', 'UTC', now)).toEqual({ ok: false, error: 'Choose the day and time you want to eat.' });
    expect(serveAtFrom('2026-03-07', '09:00', 'UTC', now)).toEqual({ ok: false, error: 'Choose a time to eat that is still ahead.' });
    expect(serveAtFrom('2026-03-09', '10:01', 'UTC', now)).toEqual({ ok: false, error: 'Choose a time to eat within the next two days.' });
  });
});

describe('wallDateTime', () => {
  it('shows an instant as the fields hold it, in the zone', () => {
    expect(wallDateTime(Date.parse('2026-03-08T00:00:00.000Z'), 'America/Chicago')).toEqual({ date: '2026-03-07', time: '18:00' });
    expect(wallDateTime(Date.parse('2026-03-07T00:05:00.000Z'), 'UTC')).toEqual({ date: '2026-03-07', time: '00:05' });
  });
});
