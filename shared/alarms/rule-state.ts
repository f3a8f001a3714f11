/**
 * What a rule remembers between polls: whether it may fire (armed), since when its condition holds (for grace
 * periods), when it last fired (cooldown), and the event it fired that has not resolved yet. A plain value stored on
 * the rule item, so evaluation stays a pure function and survives cold starts.
 */
export interface AlarmRuleState {
  /** True when the rule may fire: it has not fired since its condition last cleared. */
  armed: boolean;
  /** When the condition began to hold (ISO); null while it does not. */
  breachedSince: string | null;
  lastFiredAt: string | null;
  /** The event fired and not yet resolved. */
  openEventId: string | null;
  /** The last value looked at (for the rule's view), in the rule's units. */
  lastValue: number | null;
  /** When the rule was last evaluated; null: never (a new, edited or re-enabled rule). */
  evaluatedAt: string | null;
}

/** A new, edited or re-enabled rule: armed, so a condition that already holds fires on the next poll. */
export const INITIAL_RULE_STATE: AlarmRuleState = Object.freeze({
  armed: true,
  breachedSince: null,
  lastFiredAt: null,
  openEventId: null,
  lastValue: null,
  evaluatedAt: null,
});
