/** Tests only: the personal priors port in a Map, with the same conditional write as DynamoDB's. */
import type { PersonalPriors } from '../../cook/personal/personal-priors';
import type { PersonalPriorsStore, StoredPersonalPriors } from '../personal-priors-store';

export class InMemoryPersonalPriorsStore implements PersonalPriorsStore {
  readonly items = new Map<string, StoredPersonalPriors>();
  /** Calls to `put`, won or lost. */
  puts = 0;

  async get(accountId: string): Promise<StoredPersonalPriors | undefined> {
    return this.items.get(accountId);
  }

  async put(accountId: string, priors: PersonalPriors, expectedRevision: number | undefined, _updatedAt?: string): Promise<boolean> {
    this.puts++;
    if (this.items.get(accountId)?.revision !== expectedRevision) return false;
    this.items.set(accountId, { priors, revision: (expectedRevision ?? 0) + 1 });
    return true;
  }
}
