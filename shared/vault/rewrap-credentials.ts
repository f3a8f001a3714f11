/**
 * Key rotation for stored ThermoWorks credentials: every sealed refresh token not yet under the vault's current
 * master key is opened (audited as 'rotation') and sealed again with a fresh data key from the current key. With KMS,
 * the old key must still be enabled while this runs; afterwards it can be scheduled for deletion.
 */
import type { AccountStore } from '../auth/account-store';
import type { CredentialVault } from './credential-vault';

export interface RewrapSummary {
  checked: number;
  rewrapped: number;
  failed: Array<{ userId: string; error: string }>;
}

export async function rewrapCredentials(accounts: AccountStore, vault: CredentialVault, currentKeyId: string): Promise<RewrapSummary> {
  const summary: RewrapSummary = { checked: 0, rewrapped: 0, failed: [] };
  let cursor: string | undefined;
  do {
    const page = await accounts.listLinks(cursor);
    for (const link of page.links) {
      summary.checked++;
      if (link.sealedRefreshToken.keyId === currentKeyId) continue;
      try {
        const secret = await vault.open(link.sealedRefreshToken, link.userId, 'rotation');
        await accounts.putLink({ ...link, sealedRefreshToken: await vault.seal(secret, link.userId) });
        summary.rewrapped++;
      } catch (error) {
        summary.failed.push({ userId: link.userId, error: error instanceof Error ? error.message : String(error) });
      }
    }
    cursor = page.cursor;
  } while (cursor);
  return summary;
}
