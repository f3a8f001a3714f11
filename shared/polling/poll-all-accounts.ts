import type { AccountStore } from '../auth/account-store';
import { pollAccount, type PollDependencies, type PollOutcome } from './poll-account';

/** Polls every linked account, `concurrency` at a time; one failing account never stops or delays the others. */
export async function pollAllAccounts(
  deps: PollDependencies & { accounts: AccountStore },
  concurrency: number,
): Promise<PollOutcome[]> {
  const outcomes: PollOutcome[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.accounts.listLinks(cursor);
    const queue = [...page.links];
    const workers = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      for (let link = queue.shift(); link; link = queue.shift()) {
        // Only the user can fix a revoked link; polling it would just fail again.
        if (link.status === 'relink-needed') continue;
        outcomes.push(await pollAccount(link, deps));
      }
    });
    await Promise.all(workers);
    cursor = page.cursor;
  } while (cursor);
  return outcomes;
}
