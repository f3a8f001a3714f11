/** Tests only: a cook in progress written straight to the store, as the poll worker would have left it. */
import type { CookStore } from '../cook-store';
import type { ActiveCook, CookRecord } from '../cook-record';

export type SeededCook = Omit<ActiveCook, 'cookId' | 'events'> & Partial<Pick<ActiveCook, 'cookId' | 'events'>>;

export async function seedActiveCook(store: CookStore, cook: SeededCook, name = 'Test cook'): Promise<ActiveCook> {
  const active: ActiveCook = { cookId: `cook-${cook.serial}-${Date.parse(cook.startedAt)}`, events: [], ...cook };
  const record: CookRecord = {
    accountId: active.accountId,
    cookId: active.cookId,
    serial: active.serial,
    status: 'active',
    name,
    notes: '',
    tags: [],
    rating: null,
    startedAt: active.startedAt,
    endedAt: null,
    pitChannel: active.pitChannel,
    probes: active.probes,
    events: [],
    predictions: [],
    alerts: [],
    stats: null,
    updatedAt: active.updatedAt,
  };
  if (!(await store.start(active, record))) throw new Error(`A cook is already active on ${active.serial}.`);
  return active;
}
