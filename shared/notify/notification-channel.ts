/**
 * Where alarm notifications go: a user's notification channels (webhook, Web Push subscription, email, SMS). The
 * in-app channel (the `alarm` WebSocket message to open pages) is not stored: every alarm goes to it.
 */
import type { QuietHours } from '../alarms/quiet-hours';
import type { SealedSecret } from '../vault/sealed-secret';

export const CHANNEL_TYPES = ['webhook', 'web-push', 'email', 'sms'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export const WEBHOOK_PRESETS = ['generic', 'ntfy', 'slack', 'discord', 'home-assistant'] as const;
export type WebhookPreset = (typeof WEBHOOK_PRESETS)[number];

export type ChannelStatus = 'active' | 'pending-verification' | 'disabled';

export interface PushSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export type ChannelTarget =
  | { type: 'webhook'; url: string; preset: WebhookPreset; sealedSecret: SealedSecret }
  | { type: 'web-push'; subscription: PushSubscription; userAgent: string | null }
  | { type: 'email'; address: string }
  | { type: 'sms'; phone: string };

export interface LastDelivery {
  at: string;
  status: 'sent' | 'failed';
  detail: string | null;
}

export interface NotificationChannel {
  channelId: string;
  accountId: string;
  name: string;
  target: ChannelTarget;
  status: ChannelStatus;
  disabledReason: string | null;
  quietHours: QuietHours | null;
  /** Failed delivery attempts in a row; the channel is disabled at MAX_CONSECUTIVE_FAILURES. */
  consecutiveFailures: number;
  lastDelivery: LastDelivery | null;
  /**
   * Email: when the address was confirmed through its verify link (null: not yet, so the channel stays
   * `pending-verification` and gets no alarm). Other types need no confirmation: null.
   */
  verifiedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export const MAX_CONSECUTIVE_FAILURES = 10;

export function defaultChannelName(target: Pick<ChannelTarget, 'type'> & Partial<{ url: string; address: string; phone: string }>): string {
  switch (target.type) {
    case 'webhook':
      return target.url ? new URL(target.url).host : 'Webhook';
    case 'web-push':
      return 'This browser';
    case 'email':
      return target.address ?? 'Email';
    case 'sms':
      return target.phone ?? 'SMS';
  }
}

/** Channels that must be confirmed before any alarm goes to them: an email address (Pitwatch must not mail strangers). */
export const needsVerification = (channel: Pick<NotificationChannel, 'target' | 'verifiedAt'>): boolean => channel.target.type === 'email' && channel.verifiedAt === null;
