/**
 * Where an account's personal priors (shared/cook/personal/personal-priors.ts) are kept: one small item per account,
 * read whole and written whole. Two cooks of one account may end at the same moment (two devices), so a write is
 * conditional on the revision it read: the loser re-reads and learns again on top of the winner's state.
 */
import { EMPTY_PERSONAL_PRIORS, type PersonalPriors } from '../cook/personal/personal-priors';

export interface StoredPersonalPriors {
  readonly priors: PersonalPriors;
  /** Bumped by every write; what a conditional put expects to find. */
  readonly revision: number;
}

export interface PersonalPriorsStore {
  /** The account's priors, or undefined when it has none yet. */
  get(accountId: string): Promise<StoredPersonalPriors | undefined>;
  /**
   * Writes `priors` as revision `expectedRevision + 1` (1 when `expectedRevision` is undefined: nothing stored yet),
   * only if the stored revision is still `expectedRevision`. False when another write came first.
   */
  put(accountId: string, priors: PersonalPriors, expectedRevision: number | undefined, updatedAt: string): Promise<boolean>;
}

/** A change that keeps losing the race this many times is given up (the caller logs it): a cook's end never waits long. */
const MAX_ATTEMPTS = 4;

/** What a caller already read of the store (`stored` undefined: nothing there yet), so it is not read again. */
export interface PersonalPriorsRead {
  readonly stored: StoredPersonalPriors | undefined;
}

/**
 * Read, change, write conditionally; on a lost race read again and re-apply the change to what won. Returns the state
 * written. Throws when the store does, or after MAX_ATTEMPTS lost races. `read`: the caller's own read, used for the
 * first attempt instead of reading again.
 */
export async function updatePersonalPriors(
  accountId: string,
  change: (current: PersonalPriors) => PersonalPriors,
  deps: { personalPriors: PersonalPriorsStore; now: () => Date },
  read?: PersonalPriorsRead,
): Promise<PersonalPriors> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const stored = attempt === 1 && read ? read.stored : await deps.personalPriors.get(accountId);
    const next = change(stored?.priors ?? EMPTY_PERSONAL_PRIORS);
    if (await deps.personalPriors.put(accountId, next, stored?.revision, deps.now().toISOString())) return next;
  }
  throw new Error(`personal priors of ${accountId}: ${MAX_ATTEMPTS} writes lost to concurrent ones`);
}
