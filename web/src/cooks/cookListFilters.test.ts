import { describe, expect, it } from 'vitest';
import { dayStartMs, filtersFromForm, formatDateTime, ratingText, EMPTY_FILTERS } from './cookListFilters';

describe('filtersFromForm', () => {
  it('sends only what was typed, with a date range covering whole days in the user zone', () => {
    const result = filtersFromForm({ q: ' brisket ', tag: 'competition', from: '2026-03-07', to: '2026-03-08', minRating: '4' }, 'America/Chicago');
    expect(result).toEqual({
      ok: true,
      filters: { q: 'brisket', tag: 'competition', from: '2026-03-07T06:00:00.000Z', to: '2026-03-09T05:00:00.000Z', minRating: 4 },
    });
    expect(filtersFromForm(EMPTY_FILTERS, 'UTC')).toEqual({ ok: true, filters: {} });
  });

  it('one date as both ends finds that day', () => {
    expect(filtersFromForm({ ...EMPTY_FILTERS, from: '2026-03-07', to: '2026-03-07' }, 'UTC')).toEqual({
      ok: true,
      filters: { from: '2026-03-07T00:00:00.000Z', to: '2026-03-08T00:00:00.000Z' },
    });
  });

  it('refuses a reversed range and a tag the API would refuse, naming the field', () => {
    expect(filtersFromForm({ ...EMPTY_FILTERS, from: '2026-03-08', to: '2026-03-07' }, 'UTC')).toMatchObject({ ok: false, field: 'to' });
    expect(filtersFromForm({ ...EMPTY_FILTERS, tag: 'bbq!' }, 'UTC')).toMatchObject({ ok: false, field: 'tag' });
  });
});

describe('dayStartMs', () => {
  it('follows daylight saving (Europe/Berlin spring forward on 29 Mar 2026)', () => {
    expect(new Date(dayStartMs('2026-03-29', 'Europe/Berlin')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(new Date(dayStartMs('2026-03-29', 'Europe/Berlin', 1)).toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });
});

describe('list wording', () => {
  it('writes dates in the user zone and clock style, and ratings as stars with words', () => {
    expect(formatDateTime(Date.parse('2026-03-07T21:30:00.000Z'), { locale: 'en-GB', timeZone: 'UTC', hour12: false })).toBe('7 Mar 2026, 21:30');
    expect(ratingText(4)).toEqual({ stars: '★★★★☆', words: 'Rated 4 of 5' });
    expect(ratingText(null).words).toBe('Not rated');
  });
});
