/**
 * The cook's own alerts (the fixed set every cook has). Plain data, apart from the API schemas that validate them,
 * so the poll worker can walk them without loading those schemas.
 */
export const COOK_ALERT_KINDS = ['eta-within', 'target-reached', 'stall-started', 'stall-ended', 'pit-dropping', 'pit-recovered', 'lid-open'] as const;
export type CookAlertKind = (typeof COOK_ALERT_KINDS)[number];
