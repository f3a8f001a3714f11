/**
 * Firestore and Storage reads with a bearer token: URLs built from the discovered project, every path
 * segment URL-encoded (serials contain colons and are opaque), the API key on every Firestore call.
 */
import type { ThermoWorksConfig } from './config';
import { parseDocument, parseDocumentPage, parseRunQuery, type DocumentPage, type FirestoreDocument } from './firestore-document';
import type { HttpTransport } from './http-transport';
import type { ProjectDiscovery } from './project-discovery';

/** `signal`: the caller's cancellation (see HttpCall). */
export interface FirestoreReads {
  get(segments: string[], idToken: string, resource: string, signal?: AbortSignal): Promise<FirestoreDocument>;
  list(segments: string[], idToken: string, resource: string, query?: Record<string, string>, signal?: AbortSignal): Promise<DocumentPage>;
  runQuery(structuredQuery: unknown, idToken: string, resource: string, signal?: AbortSignal): Promise<FirestoreDocument[]>;
  /** Sets exactly the fields named in `fieldPaths` (Firestore's updateMask: others are left alone); answers the document. */
  patch(segments: string[], fields: Record<string, unknown>, fieldPaths: readonly string[], idToken: string, resource: string, signal?: AbortSignal): Promise<FirestoreDocument>;
  download(objectName: string, idToken: string, resource: string, signal?: AbortSignal): Promise<unknown>;
}

export function createFirestoreReads(config: ThermoWorksConfig, send: HttpTransport, project: ProjectDiscovery): FirestoreReads {
  const key = encodeURIComponent(config.apiKey);
  const root = async () => {
    const { projectId } = await project();
    return `${config.firestoreUrl}/v1/projects/${encodeURIComponent(projectId)}/databases/(default)/documents`;
  };
  const path = (segments: string[]) => segments.map(encodeURIComponent).join('/');
  const bearer = (idToken: string) => ({ authorization: `Bearer ${idToken}` });

  return {
    async get(segments, idToken, resource, signal) {
      const body = await send({ service: 'firestore', method: 'GET', url: `${await root()}/${path(segments)}?key=${key}`, headers: bearer(idToken), resource, signal });
      return parseDocument(body, resource);
    },

    async list(segments, idToken, resource, query = {}, signal) {
      const params = new URLSearchParams({ ...query, key: config.apiKey });
      // URLSearchParams writes spaces as '+'; Firestore's orderBy is documented with %20.
      const qs = params.toString().replace(/\+/g, '%20');
      const body = await send({ service: 'firestore', method: 'GET', url: `${await root()}/${path(segments)}?${qs}`, headers: bearer(idToken), resource, signal });
      return parseDocumentPage(body);
    },

    async runQuery(structuredQuery, idToken, resource, signal) {
      const body = await send({
        service: 'firestore',
        method: 'POST',
        url: `${await root()}:runQuery?key=${key}`,
        headers: bearer(idToken),
        json: { structuredQuery },
        resource,
        signal,
      });
      return parseRunQuery(body);
    },

    async patch(segments, fields, fieldPaths, idToken, resource, signal) {
      const mask = fieldPaths.map((f) => `updateMask.fieldPaths=${encodeURIComponent(f)}`).join('&');
      // currentDocument.exists: a PATCH must never create a channel document that is not there.
      const url = `${await root()}/${path(segments)}?${mask}&currentDocument.exists=true&key=${key}`;
      const body = await send({ service: 'firestore', method: 'PATCH', url, headers: bearer(idToken), json: { fields }, resource, signal });
      return parseDocument(body, resource);
    },

    async download(objectName, idToken, resource, signal) {
      const { storageBucket } = await project();
      return send({
        service: 'storage',
        method: 'GET',
        url: `${config.storageUrl}/v0/b/${encodeURIComponent(storageBucket)}/o/${encodeURIComponent(objectName)}?alt=media`,
        headers: bearer(idToken),
        resource,
        signal,
      });
    },
  };
}

/** The query both public clients send to list an account's devices. */
export function devicesOfAccountQuery(accountId: string): unknown {
  return {
    from: [{ collectionId: 'devices' }],
    where: { fieldFilter: { field: { fieldPath: 'accountId' }, op: 'EQUAL', value: { stringValue: accountId } } },
    orderBy: [{ field: { fieldPath: '__name__' }, direction: 'ASCENDING' }],
  };
}
