/**
 * The notifier's work for one queue message. An alarm round: decide whether it still rings (escalation.ts), tell
 * open pages (the `alarm` WebSocket message), plan the channels (quiet hours, disabled), deliver each once per
 * (event, channel, round) — the idempotency key, claimed in DynamoDB before sending, so a redelivered message sends
 * nothing twice — and queue the next round of an urgent alarm. A channel that fails is retried with backoff by a
 * delayed message of its own; each failed attempt counts, and after 10 in a row the channel is disabled and the user
 * told through the others. Nothing here blocks a poll: the worker only queued the event.
 */
import type { AlarmEventView } from '../api/alarm-schemas';
import type { AlarmEvent, ChannelDelivery } from '../alarms/alarm-event';
import { alarmEventView, alarmMessage } from '../alarms/alarm-views';
import type { AlarmStore } from '../alarms/alarm-store';
import { decideRound, nextRound } from '../alarms/escalation';
import { planDeliveries } from '../alarms/plan-deliveries';
import type { Clock } from '../clock';
import type { ConnectionStore } from '../live/connection-store';
import type { Pusher } from '../live/pusher';
import { pushToAccountPages } from '../live/push-to-pages';
import type { CredentialVault } from '../vault/credential-vault';
import type { ChannelStore } from './channel-store';
import { channelView } from './channel-view';
import type { NotifySecrets } from './deployment-secrets';
import { MAX_CONSECUTIVE_FAILURES, type ChannelType, type NotificationChannel } from './notification-channel';
import type { DeliveryResult, Notification, Notifier } from './notifier';
import type { NotifyQueue, ParsedNotifyMessage } from './notify-message';
import { ACK_LINK_TTL_SECONDS, signLink, VERIFY_LINK_TTL_SECONDS } from './signed-link';

/** Seconds before attempt n+1 of one channel's delivery (attempt 1 is immediate): 5 attempts over about 8 minutes. */
export const RETRY_DELAYS_SECONDS = [10, 30, 120, 300] as const;
/** A claim older than this is a sender that crashed mid-send: it may be taken over. */
const CLAIM_STALE_MS = 2 * 60_000;

export interface NotifyDependencies {
  alarms: AlarmStore;
  channels: ChannelStore;
  notifiers: Partial<Record<ChannelType, Notifier>>;
  queue: NotifyQueue;
  clock: Clock;
  /** Opens webhook secrets (the `notification-secret` vault, owner = account). */
  channelVault: CredentialVault;
  secrets: () => Promise<NotifySecrets | undefined>;
  connections: ConnectionStore;
  pusher: Pusher;
  /** The HTTP API's base (for /alarm-links) and the web app's, as the outside world reaches them. */
  apiUrl: string;
  appUrl: string;
  log: { info(message: string, detail: Record<string, unknown>): void; warn(message: string, detail: Record<string, unknown>): void };
}

export interface NotifyOutcome {
  sent: number;
  skipped: number;
  retried: number;
  failed: number;
  dropped: boolean;
}

const join = (base: string, path: string) => `${base.replace(/\/+$/, '')}${path}`;

function titleOf(view: AlarmEventView, round: number): string {
  const what = view.kind === 'target-reached' ? 'Target reached' : view.kind === 'eta-within' ? 'Almost done' : 'Alarm';
  return `${round > 0 ? `Still unacknowledged (${round}): ` : ''}${what}: ${view.label}`;
}

export async function alarmNotification(event: AlarmEvent, round: number, channelId: string, deps: Pick<NotifyDependencies, 'secrets' | 'clock' | 'apiUrl' | 'appUrl'>): Promise<Notification> {
  const view = alarmEventView(event);
  const secrets = await deps.secrets();
  const exp = Math.floor(deps.clock.now().getTime() / 1000) + ACK_LINK_TTL_SECONDS;
  const ackToken = secrets ? signLink(secrets.linkKey, { act: 'ack', acct: event.accountId, id: event.eventId, exp }) : null;
  const snoozeToken = secrets ? signLink(secrets.linkKey, { act: 'snooze', acct: event.accountId, id: event.eventId, exp }) : null;
  return {
    kind: 'alarm',
    title: titleOf(view, round),
    body: event.message,
    urgent: event.urgent,
    idempotencyKey: `${event.eventId}:${channelId}:${round}`,
    event: view,
    round,
    appUrl: join(deps.appUrl, '/alarms'),
    linkUrl: join(deps.apiUrl, '/alarm-links'),
    ackToken,
    snoozeToken,
    ackPageUrl: ackToken ? join(deps.appUrl, `/alarm-links?token=${ackToken}`) : null,
    verifyPageUrl: null,
  };
}

function plainNotification(kind: 'test' | 'verify' | 'channel-disabled', title: string, body: string, key: string, deps: Pick<NotifyDependencies, 'appUrl'>): Notification {
  return { kind, title, body, urgent: false, idempotencyKey: key, event: null, round: 0, appUrl: join(deps.appUrl, '/settings/notifications'), linkUrl: null, ackToken: null, snoozeToken: null, ackPageUrl: null, verifyPageUrl: null };
}

async function send(channel: NotificationChannel, notification: Notification, deps: NotifyDependencies): Promise<DeliveryResult> {
  const notifier = deps.notifiers[channel.target.type];
  if (!notifier) return { outcome: 'failed', detail: `${channel.target.type} is not configured in this deployment` };
  const webhookSecret = channel.target.type === 'webhook' ? await deps.channelVault.open(channel.target.sealedSecret, channel.accountId, 'notify').catch(() => undefined) : undefined;
  return notifier.send(channel, notification, webhookSecret === undefined ? {} : { webhookSecret });
}

/** Records an attempt on the channel; when it was the 10th failure in a row, tells the user through the others. */
async function recordAttempt(channel: NotificationChannel, result: DeliveryResult, deps: NotifyDependencies): Promise<boolean> {
  const at = deps.clock.now().toISOString();
  const outcome = { at, status: result.outcome === 'sent' ? ('sent' as const) : ('failed' as const), detail: result.detail };
  const recorded = await deps.channels.recordOutcome(channel.accountId, channel.channelId, outcome, MAX_CONSECUTIVE_FAILURES);
  if (recorded?.disabledNow) {
    deps.log.warn('Notification channel disabled', { channelId: channel.channelId, failures: recorded.channel.consecutiveFailures });
    await deps.queue.send([{ message: { kind: 'channel-disabled', accountId: channel.accountId, channelId: channel.channelId }, delaySeconds: 0 }]);
  }
  return recorded?.disabledNow ?? false;
}

async function deliverToChannel(event: AlarmEvent, channel: NotificationChannel, round: number, attempt: number, deps: NotifyDependencies, outcome: NotifyOutcome): Promise<void> {
  const key = `${channel.channelId}:${round}`;
  const now = deps.clock.now();
  const claimed = await deps.alarms.claimDelivery(event.accountId, event.eventId, key, now.toISOString(), new Date(now.getTime() - CLAIM_STALE_MS).toISOString());
  if (!claimed) {
    outcome.skipped++;
    return;
  }
  const result = await send(channel, await alarmNotification(event, round, channel.channelId, deps), deps);
  const delivery = (status: ChannelDelivery['status'], detail: string | null): ChannelDelivery => ({ status, round, attempts: attempt, at: deps.clock.now().toISOString(), detail });
  if (result.outcome === 'sent') {
    await deps.alarms.completeDelivery(event.accountId, event.eventId, key, 'sent');
    await deps.alarms.recordDelivery(event.accountId, event.eventId, channel.channelId, delivery('sent', result.detail));
    await deps.alarms.markDelivered(event.accountId, event.eventId, deps.clock.now().toISOString());
    await recordAttempt(channel, result, deps);
    outcome.sent++;
    return;
  }
  if (result.outcome === 'gone') {
    await deps.alarms.completeDelivery(event.accountId, event.eventId, key, 'failed');
    await deps.alarms.recordDelivery(event.accountId, event.eventId, channel.channelId, delivery('failed', result.detail));
    await deps.channels.delete(channel.accountId, channel.channelId);
    deps.log.info('Push subscription gone: channel removed', { channelId: channel.channelId });
    outcome.failed++;
    return;
  }
  const disabled = await recordAttempt(channel, result, deps);
  if (result.outcome === 'retry' && !disabled && attempt <= RETRY_DELAYS_SECONDS.length) {
    await deps.alarms.releaseDelivery(event.accountId, event.eventId, key);
    await deps.alarms.recordDelivery(event.accountId, event.eventId, channel.channelId, delivery('retrying', result.detail));
    await deps.queue.send([{ message: { kind: 'alarm', accountId: event.accountId, eventId: event.eventId, round, channelId: channel.channelId, attempt: attempt + 1 }, delaySeconds: RETRY_DELAYS_SECONDS[attempt - 1]! }]);
    outcome.retried++;
    return;
  }
  await deps.alarms.completeDelivery(event.accountId, event.eventId, key, 'failed');
  await deps.alarms.recordDelivery(event.accountId, event.eventId, channel.channelId, delivery(disabled ? 'channel-disabled' : 'failed', result.detail));
  outcome.failed++;
}

async function deliverAlarm(message: Extract<ParsedNotifyMessage, { kind: 'alarm' }>, deps: NotifyDependencies): Promise<NotifyOutcome> {
  const outcome: NotifyOutcome = { sent: 0, skipped: 0, retried: 0, failed: 0, dropped: false };
  const { accountId, eventId, round } = message;
  const event = await deps.alarms.getEvent(accountId, eventId);
  if (!event) return { ...outcome, dropped: true };
  const now = deps.clock.now();

  if (message.channelId !== undefined) {
    // One channel's retry: pointless once someone has acknowledged. A condition that cleared meanwhile ends an
    // escalation, but not the first notification: round 0 goes out even for a resolved event (decideRound), and a
    // channel still failing then would otherwise never hear of the alarm at all.
    if (event.acknowledgedAt !== null || (event.resolvedAt !== null && round > 0)) return { ...outcome, dropped: true };
    const channel = await deps.channels.get(accountId, message.channelId);
    if (!channel || channel.status !== 'active') return { ...outcome, dropped: true };
    await deliverToChannel(event, channel, round, message.attempt, deps, outcome);
    return outcome;
  }

  const rule = round > 0 ? await deps.alarms.getRule(accountId, event.alarmId) : undefined;
  const decision = decideRound(event, round, rule?.rule.snoozedUntil ?? null, now);
  if (decision.action === 'drop') return { ...outcome, dropped: true };
  if (decision.action === 'postpone') {
    await deps.queue.send([{ message: { kind: 'alarm', accountId, eventId, round }, delaySeconds: decision.delaySeconds }]);
    return { ...outcome, dropped: true };
  }

  // Open pages first: the banner is the fastest channel there is.
  if (await deps.alarms.claimDelivery(accountId, eventId, `in-app:${round}`, now.toISOString(), new Date(now.getTime() - CLAIM_STALE_MS).toISOString())) {
    await pushToAccountPages(accountId, alarmMessage(round === 0 ? 'fired' : 'escalated', event), deps);
    await deps.alarms.completeDelivery(accountId, eventId, `in-app:${round}`, 'sent');
  }

  const channels = await deps.channels.list(accountId);
  const byId = new Map(channels.map((c) => [c.channelId, c]));
  const plan = planDeliveries(event, channels, now);
  await Promise.all(
    plan.map(async (p) => {
      if (p.action === 'skip') {
        outcome.skipped++;
        await deps.alarms.recordDelivery(accountId, eventId, p.channelId, { status: p.status, round, attempts: 0, at: now.toISOString(), detail: null });
        return;
      }
      await deliverToChannel(event, byId.get(p.channelId)!, round, 1, deps, outcome);
    }),
  );

  const next = nextRound(event, round);
  if (next && (await deps.alarms.advanceEscalation(accountId, eventId, next.round))) {
    await deps.queue.send([{ message: { kind: 'alarm', accountId, eventId, round: next.round }, delaySeconds: next.delaySeconds }]);
  }
  return outcome;
}

async function deliverPlain(message: Exclude<ParsedNotifyMessage, { kind: 'alarm' }>, deps: NotifyDependencies): Promise<NotifyOutcome> {
  const outcome: NotifyOutcome = { sent: 0, skipped: 0, retried: 0, failed: 0, dropped: false };
  const channel = await deps.channels.get(message.accountId, message.channelId);
  if (!channel) return { ...outcome, dropped: true };
  const at = deps.clock.now();
  if (message.kind === 'channel-disabled') {
    await pushToAccountPages(message.accountId, { type: 'notification-channel', change: 'disabled', channel: channelView(channel) }, deps);
    const others = (await deps.channels.list(message.accountId)).filter((c) => c.channelId !== channel.channelId && c.status === 'active');
    const notice = plainNotification('channel-disabled', `Pitwatch stopped using ${channel.name}`, channel.disabledReason ?? `${channel.name} kept failing, so Pitwatch disabled it. Fix it and enable it again in Settings.`, `disabled:${channel.channelId}`, deps);
    for (const other of others) count(outcome, await send(other, notice, deps));
    return outcome;
  }
  if (message.kind === 'verify') {
    const secrets = await deps.secrets();
    if (!secrets || channel.target.type !== 'email') return { ...outcome, dropped: true };
    const token = signLink(secrets.linkKey, { act: 'verify', acct: message.accountId, id: channel.channelId, exp: Math.floor(at.getTime() / 1000) + VERIFY_LINK_TTL_SECONDS });
    const n = { ...plainNotification('verify', 'Confirm your email for Pitwatch alarms', `Pitwatch was asked to send alarms to ${channel.target.address}.`, `verify:${channel.channelId}`, deps), verifyPageUrl: join(deps.appUrl, `/alarm-links?token=${token}`), linkUrl: join(deps.apiUrl, '/alarm-links') };
    const result = await send(channel, n, deps);
    if (result.outcome === 'retry') throw new Error(`verification email not sent yet: ${result.detail}`);
    count(outcome, result);
    return outcome;
  }
  const result = await send(channel, plainNotification('test', 'Pitwatch test notification', `This is a test of ${channel.name}. Alarms will arrive like this.`, `test:${channel.channelId}:${at.toISOString()}`, deps), deps);
  await recordAttempt(channel, result, deps);
  const updated = await deps.channels.get(message.accountId, message.channelId);
  if (updated) await pushToAccountPages(message.accountId, { type: 'notification-channel', change: 'tested', channel: channelView(updated) }, deps);
  count(outcome, result);
  return outcome;
}

function count(outcome: NotifyOutcome, result: DeliveryResult): void {
  if (result.outcome === 'sent') outcome.sent++;
  else outcome.failed++;
}

export function deliverNotifications(message: ParsedNotifyMessage, deps: NotifyDependencies): Promise<NotifyOutcome> {
  return message.kind === 'alarm' ? deliverAlarm(message, deps) : deliverPlain(message, deps);
}
