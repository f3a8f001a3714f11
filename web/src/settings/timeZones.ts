/** The time zones a user can pick: every zone this browser knows, plus whatever is stored (even if unknown here). */
export function timeZoneOptions(current: string | null): string[] {
  const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const zones = new Set(['UTC', ...supported]);
  if (current !== null) zones.add(current);
  return [...zones].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}

/** This device's own zone, for the "follow this device" option's label. */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
