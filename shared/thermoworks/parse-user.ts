import type { ThermoWorksUser } from './domain';
import { MalformedResponseError } from './errors';
import type { FirestoreDocument } from './firestore-document';
import { extraFields, readBoolean, readMap, readString, readTimestamp, type FirestoreValue } from './firestore-values';
import { normaliseUnits } from './measurement';

const KNOWN = new Set([
  'uid', 'accountId', 'email', 'displayName', 'preferredUnits', 'timeZone', 'locale', 'use24Time', 'lastLogin', 'deviceOrder',
]);

/** `users/{uid}`. Without an accountId there is nothing to poll, so that alone is malformed. */
export function parseUser(doc: FirestoreDocument): ThermoWorksUser {
  const f = doc.fields;
  const accountId = readString(f, 'accountId');
  if (accountId === undefined || accountId === '') {
    throw new MalformedResponseError('ThermoWorks user document has no accountId', { details: { document: doc.name } });
  }
  const units = normaliseUnits(readString(f, 'preferredUnits'));
  const displayName = readString(f, 'displayName');
  return {
    uid: readString(f, 'uid') || doc.id,
    accountId,
    email: readString(f, 'email'),
    // An empty display name is what the app writes for "not set".
    displayName: displayName === '' ? undefined : displayName,
    preferredUnits: units === 'F' || units === 'C' ? units : undefined,
    timeZone: readString(f, 'timeZone'),
    locale: readString(f, 'locale'),
    use24Time: readBoolean(f, 'use24Time'),
    lastLogin: readTimestamp(f, 'lastLogin'),
    deviceOrder: parseDeviceOrder(readMap(f, 'deviceOrder') ?? {}),
    extra: extraFields(f, KNOWN),
  };
}

function parseDeviceOrder(byAccount: Record<string, FirestoreValue>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [accountId, value] of Object.entries(byAccount)) {
    if (value.kind !== 'array') continue;
    const entries = value.values.flatMap((entry, index) => {
      if (entry.kind !== 'map') return [];
      const deviceId = readString(entry.fields, 'deviceId');
      const orderField = entry.fields.order;
      const order = orderField?.kind === 'integer' || orderField?.kind === 'double' ? orderField.value : index;
      return deviceId === undefined ? [] : [{ deviceId, order }];
    });
    Object.defineProperty(out, accountId, {
      value: entries.sort((a, b) => a.order - b.order).map((e) => e.deviceId),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
