/**
 * "Your data is yours": everything Pitwatch stores for a user, as parts that each know how to export and delete
 * their items. The list of parts (shared/aws/dynamo-account-data.ts) is the one place a later feature (alarms, API
 * tokens, integrations) adds its items: the export and the deletion then cover them with no other change.
 */
import type { DownloadLink } from '../api/account-schemas';
import type { LinkedAccount } from '../auth/account-store';
import type { Clock } from '../clock';
import { NotFoundError, ValidationError } from '../errors';
import { EXPORT_LINK_SECONDS, type ExportStore } from '../exports/export-store';
import type { IdGenerator } from '../ids';
import { closeLiveConnections } from '../live/live-connections';
import type { LiveSockets } from '../live/live-connections';

export interface AccountDataScope {
  userId: string;
  accountId: string;
  email: string;
  link: LinkedAccount;
  now: Date;
}

export interface AccountDataPart {
  /** The key of this part in the export document. */
  name: string;
  /** Its items as JSON values, never secrets (token hashes, sealed credentials), a few at a time. */
  export(scope: AccountDataScope): AsyncIterable<unknown>;
  /** Deletes its items; how many went, and of those how many were history points. */
  delete(scope: AccountDataScope): Promise<{ items: number; historyPoints?: number }>;
}

export interface AccountDataDependencies {
  links: { getLink(userId: string): Promise<LinkedAccount | undefined> };
  /** In deletion order: what others are found through (devices, the link, the sessions) goes last. */
  parts: readonly AccountDataPart[];
  clock: Clock;
}

async function scopeOf(userId: string, deps: AccountDataDependencies): Promise<AccountDataScope> {
  const link = await deps.links.getLink(userId);
  if (!link) throw new NotFoundError('No ThermoWorks account is linked.');
  return { userId, accountId: link.accountId, email: link.email, link, now: deps.clock.now() };
}

/** The export document, written as it is read: `{"exportedAt", "userId", "parts": {"<name>": [items…], …}}`. */
export async function* accountDocument(scope: AccountDataScope, parts: readonly AccountDataPart[]): AsyncGenerator<string> {
  yield `{"exportedAt":${JSON.stringify(scope.now.toISOString())},"userId":${JSON.stringify(scope.userId)},"parts":{`;
  for (const [i, part] of parts.entries()) {
    yield `${i > 0 ? ',' : ''}${JSON.stringify(part.name)}:[`;
    let first = true;
    for await (const item of part.export(scope)) {
      yield `${first ? '' : ','}${JSON.stringify(item)}`;
      first = false;
    }
    yield ']';
  }
  yield '}}\n';
}

export async function exportAccount(userId: string, deps: AccountDataDependencies & { exports: ExportStore; ids: IdGenerator }): Promise<DownloadLink> {
  const scope = await scopeOf(userId, deps);
  const file = {
    key: `exports/${scope.accountId}/account/${deps.ids.id()}.json`,
    contentType: 'application/json',
    filename: `pitwatch-export-${scope.now.toISOString().slice(0, 10)}.json`,
  };
  const { bytes } = await deps.exports.write(file, accountDocument(scope, deps.parts));
  const url = await deps.exports.linkFor(file, EXPORT_LINK_SECONDS);
  return { url, expiresAt: new Date(scope.now.getTime() + EXPORT_LINK_SECONDS * 1000).toISOString(), contentType: file.contentType, bytes };
}

/**
 * Deletes every item of the account, once the caller typed its email: its sockets get `session-ended`
 * (`account-deleted`) and close first, then each part goes, the link and the sessions last (a failure halfway
 * leaves the caller signed in to try again).
 */
export async function deleteAccount(
  userId: string,
  confirm: string,
  deps: AccountDataDependencies & { live: LiveSockets },
): Promise<{ deleted: true; items: number; historyPoints: number }> {
  const scope = await scopeOf(userId, deps);
  if (confirm.trim().toLowerCase() !== scope.email.trim().toLowerCase()) {
    throw new ValidationError('Type the email of the linked account exactly to confirm.', { details: { issues: [{ path: 'confirm', message: 'does not match the account email' }] } });
  }
  await closeLiveConnections(scope.accountId, () => true, 'account-deleted', deps.live);
  let items = 0;
  let historyPoints = 0;
  for (const part of deps.parts) {
    const out = await part.delete(scope);
    items += out.items;
    historyPoints += out.historyPoints ?? 0;
  }
  return { deleted: true, items, historyPoints };
}
