import type { LastDelivery, NotificationChannel } from './notification-channel';

export interface ChannelStore {
  list(accountId: string): Promise<NotificationChannel[]>;
  get(accountId: string, channelId: string): Promise<NotificationChannel | undefined>;
  put(channel: NotificationChannel): Promise<void>;
  /** Replaces the user-editable fields, the status and the verification; false when the channel is gone. */
  update(channel: NotificationChannel): Promise<boolean>;
  delete(accountId: string, channelId: string): Promise<boolean>;
  /**
   * One delivery attempt's outcome: a success resets the failure count, a failure adds one; at `disableAt` failures in
   * a row the channel is disabled. Answers the channel afterwards and whether this call disabled it.
   */
  recordOutcome(accountId: string, channelId: string, outcome: LastDelivery, disableAt: number): Promise<{ channel: NotificationChannel; disabledNow: boolean } | undefined>;
}

/** SMS rate limit: reserve one message for this account this hour; false when the hour's limit is spent. */
export interface SmsRateLimiter {
  reserve(accountId: string, now: Date, perHour: number): Promise<boolean>;
}
