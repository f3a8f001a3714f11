/**
 * The Firestore REST document envelope (`{name, fields, createTime, updateTime}`), the runQuery result array
 * and the collection listing. A body that is not one of these is a MalformedResponseError; what is inside
 * `fields` is judged later, field by field.
 */
import * as z from '../validation/zod';
import { MalformedResponseError } from './errors';
import { decodeFields, parseRfc3339, type FirestoreFields } from './firestore-values';

export interface FirestoreDocument {
  /** Full resource name: `projects/{p}/databases/(default)/documents/devices/{serial}`. */
  name: string;
  /** The document's own id: the last segment of `name`. */
  id: string;
  fields: FirestoreFields;
  createTime?: Date;
  updateTime?: Date;
}

const documentSchema = z.object({
  name: z.string().check(z.minLength(1)),
  // Firestore omits `fields` for a document without any.
  fields: z.optional(z.record(z.string(), z.unknown())),
  createTime: z.optional(z.string()),
  updateTime: z.optional(z.string()),
});

const runQueryItemSchema = z.looseObject({ document: z.optional(z.unknown()), readTime: z.optional(z.string()) });
const runQuerySchema = z.array(runQueryItemSchema);
const listingSchema = z.object({ documents: z.optional(z.array(z.unknown())), nextPageToken: z.optional(z.string()) });

export function parseDocument(raw: unknown, what = 'document'): FirestoreDocument {
  const parsed = documentSchema.safeParse(raw);
  if (!parsed.success) {
    throw new MalformedResponseError(`ThermoWorks sent a ${what} that is not a Firestore document`, {
      cause: parsed.error,
      details: { issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`) },
    });
  }
  const { name, fields, createTime, updateTime } = parsed.data;
  const segments = name.split('/');
  return {
    name,
    id: segments[segments.length - 1] ?? name,
    fields: decodeFields(fields ?? {}),
    createTime: createTime === undefined ? undefined : parseRfc3339(createTime),
    updateTime: updateTime === undefined ? undefined : parseRfc3339(updateTime),
  };
}

/** runQuery answers a JSON array; items without `document` (a bare readTime, progress) are skipped. */
export function parseRunQuery(raw: unknown): FirestoreDocument[] {
  const parsed = runQuerySchema.safeParse(raw);
  if (!parsed.success) {
    throw new MalformedResponseError('ThermoWorks sent a runQuery result that is not an array of results', { cause: parsed.error });
  }
  return parsed.data.flatMap((item) => (item.document === undefined ? [] : [parseDocument(item.document, 'query result')]));
}

export interface DocumentPage {
  documents: FirestoreDocument[];
  nextPageToken?: string;
}

/** A collection listing: `{documents, nextPageToken?}`, or `{}` when empty. */
export function parseDocumentPage(raw: unknown): DocumentPage {
  const parsed = listingSchema.safeParse(raw);
  if (!parsed.success) {
    throw new MalformedResponseError('ThermoWorks sent a collection listing of an unexpected shape', { cause: parsed.error });
  }
  const page: DocumentPage = { documents: (parsed.data.documents ?? []).map((d) => parseDocument(d, 'listed document')) };
  if (parsed.data.nextPageToken) page.nextPageToken = parsed.data.nextPageToken;
  return page;
}
