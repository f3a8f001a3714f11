import type { DownloadLink } from '../api/account-schemas';
import type { Clock } from '../clock';
import { EXPORT_LINK_SECONDS, type ExportStore } from '../exports/export-store';
import type { IdGenerator } from '../ids';
import type { ReadingStore } from '../readings/reading';
import { cookCsv, cookJson } from './cook-export';
import { cookSpan } from './cook-series';
import type { CookStore } from './cook-store';
import { cookDetail } from './cook-views';
import { requireCook } from './manage-cook';

/** Writes every stored point of the cook to the export store and answers with a short-lived link to it. */
export async function exportCook(
  accountId: string,
  cookId: string,
  format: 'csv' | 'json',
  deps: { cooks: CookStore; readings: ReadingStore; exports: ExportStore; clock: Clock; ids: IdGenerator },
): Promise<DownloadLink> {
  const { record, active } = await requireCook(accountId, cookId, deps.cooks);
  const current = { ...record, probes: active?.probes ?? record.probes };
  const now = deps.clock.now();
  const { from, to } = cookSpan(record, now);
  const day = record.startedAt.slice(0, 10);
  const slug = record.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'cook';
  const file = {
    key: `exports/${accountId}/cooks/${deps.ids.id()}.${format}`,
    contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json',
    filename: `${day}-${slug}.${format}`,
  };
  const body = format === 'csv' ? cookCsv(current, from, to, deps.readings) : cookJson(cookDetail(record, active), current, from, to, deps.readings);
  const { bytes } = await deps.exports.write(file, body);
  const url = await deps.exports.linkFor(file, EXPORT_LINK_SECONDS);
  return { url, expiresAt: new Date(now.getTime() + EXPORT_LINK_SECONDS * 1000).toISOString(), contentType: file.contentType, bytes };
}
