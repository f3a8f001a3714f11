import type { AccountStatus } from '../api/schemas';
import { NotFoundError } from '../errors';
import type { AccountStore } from './account-store';

/** Whether Pitwatch can still read the user's ThermoWorks account, and when it last did. */
export async function accountStatus(userId: string, accounts: AccountStore): Promise<AccountStatus> {
  const link = await accounts.getLink(userId);
  if (!link) throw new NotFoundError('No ThermoWorks account is linked. Sign in again to link it.');
  return {
    userId: link.userId,
    email: link.email,
    status: link.status,
    statusMessage: link.statusMessage,
    linkedAt: link.linkedAt,
    lastPolledAt: link.lastPolledAt,
    lastReadingAt: link.lastReadingAt,
  };
}
