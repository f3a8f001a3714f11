/**
 * Following a signed link (signed-link.ts) without a session: an email's "Acknowledge", a webhook receiver's
 * acknowledge call, a push notification's "Acknowledge" / "Snooze 10 min" buttons, an email address's confirmation.
 * The token is the credential: it names the account, the thing and the act, and it is checked before anything is
 * read. `previewAlarmLink` says what the link does and changes nothing (mail scanners fetch links; a page shows this
 * and asks for a click); `followAlarmLink` does it, idempotently: acknowledging twice, or confirming an address
 * already confirmed, answers the same as the first time.
 */
import type { AlarmLinkPreview, AlarmLinkResult } from '../api/alarm-schemas';
import { eventState, type AlarmEvent } from '../alarms/alarm-event';
import type { AlarmStore, StoredAlarmRule } from '../alarms/alarm-store';
import { alarmMessage } from '../alarms/alarm-views';
import type { Clock } from '../clock';
import { pushToAccountPages } from '../live/push-to-pages';
import { NotFoundError, PitwatchError } from '../errors';
import type { ChannelStore } from './channel-store';
import { channelView } from './channel-view';
import { needsVerification, type NotificationChannel } from './notification-channel';
import { verifyLink, type LinkPayload } from './signed-link';
import type { LiveSockets } from '../live/live-connections';

/** A link's token that was not signed by this deployment, or does not say anything Pitwatch understands. */
export class LinkInvalidError extends PitwatchError {
  readonly code = 'LINK_INVALID';
  readonly httpStatus = 403;
}

/** A link's token that was genuine but is too old (ack links last a day, verify links a week). */
export class LinkExpiredError extends PitwatchError {
  readonly code = 'LINK_EXPIRED';
  readonly httpStatus = 410;
}

/** The snooze a push notification's "Snooze 10 min" button asks for. */
export const LINK_SNOOZE_MINUTES = 10;

export interface AlarmLinkDependencies {
  /** The deployment's link key; undefined before any link was ever signed (then no token can be genuine). */
  linkKey: () => Promise<Buffer | undefined>;
  alarms: Pick<AlarmStore, 'getEvent' | 'getRule' | 'acknowledge' | 'updateRule'>;
  channels: Pick<ChannelStore, 'get' | 'update'>;
  clock: Clock;
  /** The account's open pages, told of an acknowledgement so that their banners come down. */
  live?: LiveSockets;
}

async function checkedPayload(token: string, deps: Pick<AlarmLinkDependencies, 'linkKey' | 'clock'>): Promise<LinkPayload> {
  const key = await deps.linkKey();
  if (!key) throw new LinkInvalidError('This link was not made by this Pitwatch.');
  const check = verifyLink(key, token, deps.clock.now());
  if (check.ok) return check.payload;
  if (check.reason === 'expired') throw new LinkExpiredError('This link has expired. Open Pitwatch to see the alarm, or ask for a new link.');
  throw new LinkInvalidError('This link is not valid: it was changed, cut short, or not made by this Pitwatch.');
}

async function eventOf(payload: LinkPayload, deps: Pick<AlarmLinkDependencies, 'alarms'>): Promise<AlarmEvent> {
  const event = await deps.alarms.getEvent(payload.acct, payload.id);
  if (!event) throw new NotFoundError('This alarm no longer exists.');
  return event;
}

async function ruleOf(event: AlarmEvent, deps: Pick<AlarmLinkDependencies, 'alarms'>): Promise<StoredAlarmRule> {
  const rule = await deps.alarms.getRule(event.accountId, event.alarmId);
  if (!rule) throw new NotFoundError('This alarm rule has been removed: there is nothing left to snooze.');
  return rule;
}

async function emailChannelOf(payload: LinkPayload, deps: Pick<AlarmLinkDependencies, 'channels'>): Promise<NotificationChannel> {
  const channel = await deps.channels.get(payload.acct, payload.id);
  if (!channel || channel.target.type !== 'email') throw new NotFoundError('This email address has been removed from Pitwatch.');
  return channel;
}

const isSnoozedAt = (rule: StoredAlarmRule | undefined, now: Date) => rule?.rule.snoozedUntil != null && Date.parse(rule.rule.snoozedUntil) > now.getTime();

export async function previewAlarmLink(token: string, deps: AlarmLinkDependencies): Promise<AlarmLinkPreview> {
  const payload = await checkedPayload(token, deps);
  const expiresAt = new Date(payload.exp * 1000).toISOString();
  if (payload.act === 'verify') {
    const channel = await emailChannelOf(payload, deps);
    const { channelId, type, name, destination, status } = channelView(channel);
    const done = !needsVerification(channel);
    return {
      act: 'verify',
      expiresAt,
      message: done ? `${destination} is confirmed for Pitwatch alarms.` : `Confirm ${destination} for Pitwatch alarms.`,
      done,
      alarm: null,
      event: null,
      channel: { channelId, type, name, destination, status },
    };
  }
  const event = await eventOf(payload, deps);
  const rule = await deps.alarms.getRule(event.accountId, event.alarmId);
  if (payload.act === 'snooze' && !rule) throw new NotFoundError('This alarm rule has been removed: there is nothing left to snooze.');
  const now = deps.clock.now();
  const done = payload.act === 'ack' ? event.acknowledgedAt !== null : isSnoozedAt(rule, now);
  const what = event.ruleName ?? event.label;
  const message =
    payload.act === 'ack'
      ? done
        ? `The alarm “${what}” is acknowledged.`
        : `Acknowledge the alarm “${what}”: it stops repeating.`
      : done
        ? `The alarm “${what}” is snoozed until ${rule!.rule.snoozedUntil}.`
        : `Snooze the alarm “${what}” for ${LINK_SNOOZE_MINUTES} minutes.`;
  return {
    act: payload.act,
    expiresAt,
    message,
    done,
    alarm: {
      alarmId: event.alarmId,
      name: event.ruleName,
      kind: event.kind,
      serial: event.target.serial,
      channel: event.channel,
      label: event.label,
      snoozedUntil: rule?.rule.snoozedUntil ?? null,
    },
    event: {
      eventId: event.eventId,
      state: eventState(event),
      message: event.message,
      value: event.value,
      units: event.units,
      urgent: event.urgent,
      firedAt: event.firedAt,
      acknowledgedAt: event.acknowledgedAt,
    },
    channel: null,
  };
}

export async function followAlarmLink(token: string, deps: AlarmLinkDependencies): Promise<AlarmLinkResult> {
  const payload = await checkedPayload(token, deps);
  const now = deps.clock.now();
  switch (payload.act) {
    case 'ack': {
      const event = await eventOf(payload, deps);
      // Set once: a second acknowledgement finds it set and changes nothing. The notifier drops every later round.
      const acknowledged = event.acknowledgedAt === null ? await deps.alarms.acknowledge(payload.acct, payload.id, now.toISOString(), 'link') : event;
      if (!acknowledged) throw new NotFoundError('This alarm no longer exists.');
      if (deps.live) await pushToAccountPages(payload.acct, alarmMessage('acknowledged', acknowledged), deps.live);
      return { action: 'acknowledged', eventId: event.eventId, message: `Acknowledged: ${acknowledged.ruleName ?? acknowledged.label}. It stops repeating.` };
    }
    case 'snooze': {
      const event = await eventOf(payload, deps);
      const stored = await ruleOf(event, deps);
      const snoozedUntil = new Date(now.getTime() + LINK_SNOOZE_MINUTES * 60_000).toISOString();
      // The rule's settings only (not its evaluation state): the condition is still tracked while it is quiet.
      if (!(await deps.alarms.updateRule({ ...stored.rule, snoozedUntil, updatedAt: now.toISOString() }, {}))) throw new NotFoundError('This alarm rule has been removed: there is nothing left to snooze.');
      return { action: 'snoozed', eventId: event.eventId, snoozedUntil, message: `Snoozed for ${LINK_SNOOZE_MINUTES} minutes: ${event.ruleName ?? event.label}.` };
    }
    case 'verify': {
      const channel = await emailChannelOf(payload, deps);
      const address = channelView(channel).destination;
      if (!needsVerification(channel)) return { action: 'verified', channelId: channel.channelId, message: `${address} is confirmed for Pitwatch alarms.` };
      const verified: NotificationChannel = {
        ...channel,
        verifiedAt: now.toISOString(),
        // A channel the user turned off while it waited stays off; otherwise it starts receiving alarms.
        status: channel.status === 'pending-verification' ? 'active' : channel.status,
        updatedAt: now.toISOString(),
      };
      if (!(await deps.channels.update(verified))) throw new NotFoundError('This email address has been removed from Pitwatch.');
      return { action: 'verified', channelId: channel.channelId, message: `${address} is confirmed: Pitwatch alarms will arrive there.` };
    }
  }
}
