import { describe, expect, it } from 'vitest';
import { planStartLink, readPlanLink } from './planLink';

describe('the plan link', () => {
  it('carries the preset and the serve time to the devices screen, and back out of the query', () => {
    const link = planStartLink({ presetId: 'brisket', serveAt: '2026-12-05T00:00:00.000Z' });
    expect(link).toBe('/?preset=brisket&serveAt=2026-12-05T00%3A00%3A00.000Z');
    expect(readPlanLink(link.slice(1))).toEqual({ presetId: 'brisket', serveAt: '2026-12-05T00:00:00.000Z' });
  });

  it('is nothing without both, or with values of the wrong shape', () => {
    expect(readPlanLink('')).toBeNull();
    expect(readPlanLink('?preset=brisket')).toBeNull();
    expect(readPlanLink('?preset=brisket&serveAt=tomorrow')).toBeNull();
    expect(readPlanLink('?preset=%3Cscript%3E&serveAt=2026-12-05T00:00:00Z')).toBeNull();
  });
});
