/**
 * The poll worker's one call into alarms: every enabled rule of the account against what this poll saw (the latest
 * reading of each probe, each device's health, the cook's predictions). A rule that fires becomes an alarm event,
 * stored and then queued for the notifier (one SendMessage: no channel is called from a poll); a rule whose condition
 * cleared resolves its open event. A rule's state is written only when it changes in a way that matters (fired,
 * re-armed, breached since), not on every poll. A queue that refuses is logged and the rule left armed, so the next
 * poll fires it again rather than losing the alarm; it never fails the poll.
 */
import type { ActiveCook } from '../cooks/cook-record';
import type { DeviceRecord, LatestReading } from '../devices/device-store';
import type { Clock } from '../clock';
import type { IdGenerator } from '../ids';
import type { NotifyQueue } from '../notify/notify-message';
import { newAlarmEventId, type AlarmEvent } from './alarm-event';
import type { AlarmObservation, ProbePredictionView } from './alarm-observation';
import type { AlarmStore, StoredAlarmRule } from './alarm-store';
import { evaluateRule } from './evaluate-rule';
import { eventFor } from './fire-event';
import type { AlarmRuleState } from './rule-state';

export interface AlarmEvaluationDependencies {
  alarms: Pick<AlarmStore, 'saveRuleState' | 'putEvent' | 'resolve' | 'saveDeviceAlarm' | 'deviceAlarmCleared'>;
  queue: NotifyQueue;
  ids: IdGenerator;
  clock: Clock;
  log: { warn(message: string, detail: Record<string, unknown>): void };
}

export interface AlarmEvaluationOutcome {
  evaluated: number;
  fired: number;
  resolved: number;
  queueFailures: number;
  /** The events this poll resolved, as stored: the poll tells the account's open pages, whose banners come down. */
  resolvedEvents: AlarmEvent[];
}

export interface PollSnapshot {
  /** The latest reading of every channel, after this poll. */
  latest: readonly LatestReading[];
  devices: readonly DeviceRecord[];
  cooks: readonly ActiveCook[];
}

function predictionFor(cooks: readonly ActiveCook[], serial: string, channel: string): ProbePredictionView | null {
  const cook = cooks.find((c) => c.serial === serial);
  const probe = cook?.probes.find((p) => p.channel === channel);
  if (!cook || !probe) return null;
  const prediction = cook.predictions.find((p) => p.channel === channel);
  return { targetF: probe.targetF, etaAt: prediction?.etaAt ?? null, phase: prediction?.phase ?? 'unknown', stallStartedAt: prediction?.stallStartedAt ?? null };
}

export function observationFor(stored: StoredAlarmRule, seen: PollSnapshot, now: Date): AlarmObservation | undefined {
  const target = stored.rule.target;
  const device = seen.devices.find((d) => d.serial === target.serial);
  if (target.type === 'device') {
    if (!device) return undefined;
    return { source: 'device', serial: device.serial, label: device.label, at: now.toISOString(), lastSeen: device.lastSeen, battery: device.battery, wifiDbm: device.wifiDbm };
  }
  if (target.type !== 'probe') return undefined; // cook-wide rules come with cook records
  const latest = seen.latest.find((l) => l.serial === target.serial && l.channel === target.channel);
  if (!latest) return undefined;
  return {
    source: 'probe',
    serial: latest.serial,
    channel: latest.channel,
    label: latest.label,
    at: latest.at ?? now.toISOString(),
    value: latest.probeConnected ? latest.value : null,
    units: latest.units,
    prediction: predictionFor(seen.cooks, latest.serial, latest.channel),
  };
}

/** Whether a state change is worth a write: not a new lastValue or evaluatedAt alone. */
function changedMuch(before: AlarmRuleState, after: AlarmRuleState): boolean {
  return (
    before.evaluatedAt === null ||
    before.armed !== after.armed ||
    before.breachedSince !== after.breachedSince ||
    before.lastFiredAt !== after.lastFiredAt ||
    before.openEventId !== after.openEventId
  );
}

export async function evaluateAccountAlarms(accountId: string, rules: readonly StoredAlarmRule[], seen: PollSnapshot, deps: AlarmEvaluationDependencies): Promise<AlarmEvaluationOutcome> {
  const outcome: AlarmEvaluationOutcome = { evaluated: 0, fired: 0, resolved: 0, queueFailures: 0, resolvedEvents: [] };
  const now = deps.clock.now();
  await Promise.all(
    rules
      .filter((r) => r.rule.enabled && r.rule.accountId === accountId)
      .map(async (stored) => {
        outcome.evaluated++;
        const result = evaluateRule(stored.rule, stored.state, observationFor(stored, seen, now), now, () => newAlarmEventId(now, deps.ids.id()));
        if (result.resolvedEventId) {
          const resolved = await deps.alarms.resolve(accountId, result.resolvedEventId, now.toISOString());
          if (resolved) outcome.resolvedEvents.push(resolved);
          outcome.resolved++;
        }
        if (result.fired) {
          const event = eventFor(stored.rule, result.fired);
          await deps.alarms.putEvent(event);
          try {
            await deps.queue.send([{ message: { kind: 'alarm', accountId, eventId: event.eventId, round: 0 }, delaySeconds: 0 }]);
          } catch (error) {
            // Left armed: the next poll fires it again (a new event) rather than the alarm being lost.
            outcome.queueFailures++;
            deps.log.warn('Alarm not queued; the next poll fires it again', { alarmId: stored.rule.alarmId, error: error instanceof Error ? error.message : String(error) });
            return;
          }
          outcome.fired++;
        }
        if (changedMuch(stored.state, result.state)) await deps.alarms.saveRuleState(accountId, stored.rule.alarmId, result.state);
      }),
  );
  return outcome;
}
