/** Tests only: a cook in progress as GET /cooks answers it, with what a test cares about overridden. */
import type { CookView } from '../../../shared/api/schemas';

export function testCook(overrides: Partial<CookView> & Pick<CookView, 'serial' | 'startedAt'>): CookView {
  return {
    cookId: `cook-${overrides.serial}`,
    status: 'active',
    name: 'Test cook',
    tags: [],
    rating: null,
    endedAt: null,
    pitChannel: null,
    probes: [],
    predictions: [],
    alerts: [],
    ...overrides,
  };
}
