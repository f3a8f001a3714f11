import type { ChannelView } from '../api/alarm-schemas';
import type { NotificationChannel } from './notification-channel';

function destination(channel: NotificationChannel): string {
  const t = channel.target;
  switch (t.type) {
    case 'webhook':
      return t.url;
    case 'web-push':
      return new URL(t.subscription.endpoint).origin;
    case 'email':
      return t.address;
    case 'sms':
      return `…${t.phone.slice(-4)}`;
  }
}

export function channelView(channel: NotificationChannel): ChannelView {
  return {
    channelId: channel.channelId,
    type: channel.target.type,
    name: channel.name,
    status: channel.status,
    disabledReason: channel.disabledReason,
    quietHours: channel.quietHours,
    consecutiveFailures: channel.consecutiveFailures,
    lastDelivery: channel.lastDelivery,
    destination: destination(channel),
    preset: channel.target.type === 'webhook' ? channel.target.preset : null,
    createdAt: channel.createdAt,
  };
}
