/** Tests only: a cook record as GET /cooks/{cookId} answers it, with what a test cares about overridden. */
import type { CookDetail } from '../../../shared/api/cook-schemas';
import { testCook } from './testCook';

export function testCookDetail(overrides: Partial<CookDetail> & Pick<CookDetail, 'serial' | 'startedAt'>): CookDetail {
  const { notes = '', events = [], stats = null, ...view } = overrides;
  return { ...testCook(view), notes, events, stats };
}
