import type { CookEvent } from '../api/cook-schemas';
import type { DefaultAlerts, ServeCheck } from '../api/schemas';
import type { ActiveCook, CookProbe, CookRecord } from './cook-record';

export interface CookListFilter {
  status?: 'active' | 'ended';
  /** Started in [from, to). */
  from?: string;
  to?: string;
  tag?: string;
  /** Lower-case words that must all appear in the name or notes. */
  words?: string[];
  /** Rated at least this. */
  minRating?: number;
}

/** Where a page ended: the last cook returned (opaque to callers, see cook-cursor.ts). */
export interface CookPageKey {
  cookId: string;
  startedAt: string;
}

export type CookMetadataChange = Partial<Pick<CookRecord, 'name' | 'notes' | 'tags' | 'rating'>>;

/** The cook records port: DynamoDB in AWS and locally. Every call names the account; another account's cook is not there. */
export interface CookStore {
  /** Creates the active cook and its record together; false when the device already has an active cook. */
  start(active: ActiveCook, record: CookRecord): Promise<boolean>;
  getRecord(accountId: string, cookId: string): Promise<CookRecord | undefined>;
  /** The device's active cook (its live item), if any. */
  getActive(accountId: string, serial: string): Promise<ActiveCook | undefined>;
  /** Every active cook of the account (one Query on its partition). */
  listActive(accountId: string): Promise<ActiveCook[]>;
  /** Newest first, filtered; `after` continues a page. Returns at most `limit` and where the page ended. */
  listRecords(accountId: string, filter: CookListFilter, limit: number, after?: CookPageKey): Promise<{ records: CookRecord[]; next?: CookPageKey }>;
  /**
   * The poll worker's write: only what it owns (series, predictions, alarm state, alerts), so an event or a target
   * changed meanwhile is not overwritten. False when that cook is no longer active on the device.
   */
  saveProgress(cook: ActiveCook): Promise<boolean>;
  /** Name, notes, tags, rating. Undefined when there is no such record. */
  updateMetadata(accountId: string, cookId: string, change: CookMetadataChange, updatedAt: string): Promise<CookRecord | undefined>;
  /** Probes of an active cook (targets, labels) or of an ended record (labels). */
  updateProbes(record: CookRecord, probes: CookProbe[], updatedAt: string): Promise<boolean>;
  /** Which of the cook's own alerts are on: on the record, and on the live item while active (the worker reads it). */
  updateDefaultAlerts(record: CookRecord, defaultAlerts: DefaultAlerts, updatedAt: string): Promise<boolean>;
  /**
   * Sets (or, with null, clears) an active cook's serve time: on the record and the live item, with its first check
   * (the worker's next poll replaces it). False when the cook is no longer active.
   */
  updateServeAt(record: CookRecord, serveAt: string | null, check: ServeCheck | undefined, updatedAt: string): Promise<boolean>;
  /** Adds or removes a timeline event: on the live item while active, on the record once ended. */
  putEvent(record: CookRecord, event: CookEvent, updatedAt: string): Promise<boolean>;
  removeEvent(record: CookRecord, eventId: string, updatedAt: string): Promise<boolean>;
  /** Ends the cook: the live item goes, the record becomes final. False when it had already ended. */
  end(active: ActiveCook, final: CookRecord): Promise<boolean>;
  /** Deletes the record (and the live item of an active cook). */
  delete(record: CookRecord): Promise<void>;
}
