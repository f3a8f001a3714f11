/**
 * Which channels an event's round goes to, and which it skips (and why): the rule's channels that still exist and
 * are active (an email address not yet confirmed is skipped as unverified), minus those in quiet hours unless the alarm is urgent. Pure; the notifier carries it out.
 */
import type { AlarmEvent, DeliveryStatus } from './alarm-event';
import { inQuietHours, type QuietHours } from './quiet-hours';

export interface ChannelForPlanning {
  channelId: string;
  status: 'active' | 'pending-verification' | 'disabled';
  quietHours: QuietHours | null;
}

export type PlannedDelivery =
  | { channelId: string; action: 'send' }
  | { channelId: string; action: 'skip'; status: Extract<DeliveryStatus, 'quiet-hours' | 'channel-disabled' | 'channel-unverified' | 'channel-missing'> };

export function planDeliveries(event: Pick<AlarmEvent, 'notify' | 'urgent'>, channels: readonly ChannelForPlanning[], now: Date): PlannedDelivery[] {
  const byId = new Map(channels.map((c) => [c.channelId, c]));
  return [...new Set(event.notify)].map((channelId): PlannedDelivery => {
    const channel = byId.get(channelId);
    if (!channel) return { channelId, action: 'skip', status: 'channel-missing' };
    // An email address nobody confirmed gets nothing but its verification email.
    if (channel.status === 'pending-verification') return { channelId, action: 'skip', status: 'channel-unverified' };
    if (channel.status !== 'active') return { channelId, action: 'skip', status: 'channel-disabled' };
    if (!event.urgent && inQuietHours(channel.quietHours, now)) return { channelId, action: 'skip', status: 'quiet-hours' };
    return { channelId, action: 'send' };
  });
}
