/**
 * Escalation of unacknowledged urgent alarms: round n+1 is due `escalateEveryMinutes` after round n, carried by an
 * SQS message delayed that long (SQS delays stop at 15 minutes, hence the rule's limit). A round that arrives for an
 * event acknowledged or resolved in the meantime sends nothing, and neither does a round while the rule is snoozed:
 * that round is put off until the snooze ends.
 */
import { MAX_ESCALATION_ROUNDS, needsEscalation, type AlarmEvent } from './alarm-event';

export type RoundDecision =
  | { action: 'deliver' }
  /** Nothing to send (acknowledged, resolved, or escalated long enough): the round is dropped. */
  | { action: 'drop'; reason: 'acknowledged' | 'resolved' | 'not-urgent' | 'exhausted' | 'stale' }
  /** The rule is snoozed: the same round again after this many seconds. */
  | { action: 'postpone'; delaySeconds: number };

const MAX_DELAY_SECONDS = 900;

/** What to do with round `round` of `event` arriving now. Round 0 is the first notification, always sent. */
export function decideRound(
  event: Pick<AlarmEvent, 'urgent' | 'acknowledgedAt' | 'resolvedAt' | 'escalationRound'>,
  round: number,
  snoozedUntil: string | null,
  now: Date,
): RoundDecision {
  if (round === 0) return { action: 'deliver' };
  if (event.acknowledgedAt !== null) return { action: 'drop', reason: 'acknowledged' };
  if (event.resolvedAt !== null) return { action: 'drop', reason: 'resolved' };
  if (!event.urgent) return { action: 'drop', reason: 'not-urgent' };
  if (round > MAX_ESCALATION_ROUNDS) return { action: 'drop', reason: 'exhausted' };
  // A duplicate of a round already superseded.
  if (round < event.escalationRound) return { action: 'drop', reason: 'stale' };
  if (snoozedUntil !== null && Date.parse(snoozedUntil) > now.getTime()) {
    return { action: 'postpone', delaySeconds: Math.min(MAX_DELAY_SECONDS, Math.ceil((Date.parse(snoozedUntil) - now.getTime()) / 1000)) };
  }
  return { action: 'deliver' };
}

/** After round `round` went out: the next round and its delay, or null when the event does not escalate (further). */
export function nextRound(event: Pick<AlarmEvent, 'urgent' | 'acknowledgedAt' | 'resolvedAt' | 'escalateEveryMinutes'>, round: number): { round: number; delaySeconds: number } | null {
  if (!needsEscalation(event) || round + 1 > MAX_ESCALATION_ROUNDS) return null;
  return { round: round + 1, delaySeconds: Math.min(MAX_DELAY_SECONDS, Math.round(event.escalateEveryMinutes * 60)) };
}
