/** Tests only: a cook in progress written straight to the store, as the poll worker would have left it. */
import type { CookStore } from '../cook-store';
import { newCookRecord, type ActiveCook } from '../cook-record';

export type SeededCook = Omit<ActiveCook, 'cookId' | 'events'> & Partial<Pick<ActiveCook, 'cookId' | 'events'>>;

export async function seedActiveCook(store: CookStore, cook: SeededCook, name = 'Test cook'): Promise<ActiveCook> {
  const active: ActiveCook = { cookId: `cook-${cook.serial}-${Date.parse(cook.startedAt)}`, events: [], ...cook };
  if (!(await store.start(active, newCookRecord(active, name)))) throw new Error(`A cook is already active on ${active.serial}.`);
  return active;
}
