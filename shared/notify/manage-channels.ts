/**
 * The notification-channel routes: add a channel (a webhook's signing secret is generated, sealed, and shown in this
 * answer only), list them with what a browser needs to subscribe to Web Push, rename / enable / disable / set quiet
 * hours, remove, and queue a test notification. Channels live in the caller's own partition: another account's
 * channel id is not found. An email address must be confirmed first: the new channel is `pending-verification`, a
 * verification email with a signed link is queued, and the channel gets no alarm until that link is followed
 * (follow-alarm-link.ts); its test button sends the verification again.
 */
import type { ChannelView, CreateChannelRequest } from '../api/alarm-schemas';
import type { Principal } from '../auth/principal';
import type { Clock } from '../clock';
import { NotFoundError, UrlRefusedError, ValidationError } from '../errors';
import type { IdGenerator } from '../ids';
import type { CredentialVault } from '../vault/credential-vault';
import type { ChannelStore } from './channel-store';
import { channelView } from './channel-view';
import { ensureNotifySecrets, type DeploymentSecretStore } from './deployment-secrets';
import { defaultChannelName, needsVerification, type ChannelTarget, type NotificationChannel } from './notification-channel';
import type { NotifyQueue } from './notify-message';
import { checkUrl, EgressRefusedError, type EgressPolicy } from '../egress/ssrf-guard';

/** A user with more than this many channels has a problem Pitwatch should not make worse. */
export const MAX_CHANNELS_PER_ACCOUNT = 20;

export interface ManageChannelsDependencies {
  channels: ChannelStore;
  clock: Clock;
  /** The `notification-secret` vault: webhook secrets are sealed with the account as owner. */
  vault: CredentialVault;
  egress: EgressPolicy;
}

export interface ChannelAvailability {
  email: { available: boolean };
  sms: { available: boolean; perHour: number };
}

function checkedUrl(raw: string, egress: EgressPolicy, field: string): string {
  try {
    return checkUrl(raw, egress).toString();
  } catch (error) {
    if (error instanceof EgressRefusedError) throw new UrlRefusedError(`This URL cannot be used: ${error.message}.`, { details: { field } });
    throw error;
  }
}

export async function createChannel(
  principal: Principal,
  request: CreateChannelRequest,
  deps: ManageChannelsDependencies & { ids: IdGenerator; availability: ChannelAvailability; queue: NotifyQueue; secrets: DeploymentSecretStore },
): Promise<ChannelView & { secret?: string }> {
  const accountId = principal.accountId;
  const existing = await deps.channels.list(accountId);
  if (existing.length >= MAX_CHANNELS_PER_ACCOUNT) throw new ValidationError(`At most ${MAX_CHANNELS_PER_ACCOUNT} notification channels per account.`);
  if (request.type === 'email' && !deps.availability.email.available) throw new ValidationError('Email is not set up in this deployment (see the README: emailFrom).');
  if (request.type === 'sms' && !deps.availability.sms.available) throw new ValidationError('SMS is off in this deployment (see the README: smsEnabled).');
  let secret: string | undefined;
  let target: ChannelTarget;
  switch (request.type) {
    case 'webhook': {
      secret = `whsec_${deps.ids.secretToken()}`;
      target = { type: 'webhook', url: checkedUrl(request.url, deps.egress, 'url'), preset: request.preset, sealedSecret: await deps.vault.seal(secret, accountId) };
      break;
    }
    case 'web-push': {
      const endpoint = checkedUrl(request.subscription.endpoint, deps.egress, 'subscription.endpoint');
      if (existing.some((c) => c.target.type === 'web-push' && c.target.subscription.endpoint === endpoint)) throw new ValidationError('This browser is subscribed already.');
      target = { type: 'web-push', subscription: { endpoint, keys: request.subscription.keys }, userAgent: null };
      break;
    }
    case 'email':
      target = { type: 'email', address: request.address };
      break;
    case 'sms':
      target = { type: 'sms', phone: request.phone };
      break;
  }
  const now = deps.clock.now().toISOString();
  const channel: NotificationChannel = {
    channelId: deps.ids.id(),
    accountId,
    name: request.name ?? defaultChannelName(target),
    target,
    status: 'active',
    disabledReason: null,
    quietHours: request.quietHours ?? null,
    consecutiveFailures: 0,
    lastDelivery: null,
    verifiedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  if (needsVerification(channel)) {
    channel.status = 'pending-verification';
    // The verify link is signed with the deployment's link key: make sure it exists before the notifier needs it.
    await ensureNotifySecrets({ store: deps.secrets, vault: deps.vault, now: deps.clock.now() });
  }
  await deps.channels.put(channel);
  if (channel.status === 'pending-verification') await queueVerification(channel, deps);
  return { ...channelView(channel), ...(secret !== undefined && { secret }) };
}

export async function listChannels(
  principal: Principal,
  deps: Pick<ManageChannelsDependencies, 'channels' | 'clock' | 'vault'> & { secrets: DeploymentSecretStore; availability: ChannelAvailability },
): Promise<{ channels: ChannelView[]; vapidPublicKey: string } & ChannelAvailability> {
  const [channels, secrets] = await Promise.all([
    deps.channels.list(principal.accountId),
    ensureNotifySecrets({ store: deps.secrets, vault: deps.vault, now: deps.clock.now() }),
  ]);
  return {
    channels: channels.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.channelId.localeCompare(b.channelId)).map(channelView),
    vapidPublicKey: secrets.vapidPublicKey,
    ...deps.availability,
  };
}

async function ownChannel(principal: Principal, channelId: string, deps: Pick<ManageChannelsDependencies, 'channels'>): Promise<NotificationChannel> {
  const channel = await deps.channels.get(principal.accountId, channelId);
  if (!channel) throw new NotFoundError(`No notification channel ${channelId}.`);
  return channel;
}

export async function updateChannel(
  principal: Principal,
  channelId: string,
  patch: { name?: string; enabled?: boolean; quietHours?: NotificationChannel['quietHours'] },
  deps: Pick<ManageChannelsDependencies, 'channels' | 'clock'>,
): Promise<ChannelView> {
  const channel = await ownChannel(principal, channelId, deps);
  const updated: NotificationChannel = { ...channel, updatedAt: deps.clock.now().toISOString() };
  if (patch.name !== undefined) updated.name = patch.name;
  if (patch.quietHours !== undefined) updated.quietHours = patch.quietHours;
  // An email address never confirmed goes back to waiting for its confirmation, not straight to active.
  if (patch.enabled === true && channel.status === 'disabled') Object.assign(updated, { status: needsVerification(channel) ? 'pending-verification' : 'active', disabledReason: null, consecutiveFailures: 0 });
  if (patch.enabled === false) Object.assign(updated, { status: 'disabled', disabledReason: 'Turned off by you.' });
  if (!(await deps.channels.update(updated))) throw new NotFoundError(`No notification channel ${channelId}.`);
  return channelView(updated);
}

export async function deleteChannel(principal: Principal, channelId: string, deps: Pick<ManageChannelsDependencies, 'channels'>): Promise<{ deleted: true }> {
  if (!(await deps.channels.delete(principal.accountId, channelId))) throw new NotFoundError(`No notification channel ${channelId}.`);
  return { deleted: true };
}

const queueVerification = (channel: NotificationChannel, deps: { queue: NotifyQueue }) =>
  deps.queue.send([{ message: { kind: 'verify', accountId: channel.accountId, channelId: channel.channelId }, delaySeconds: 0 }]);

/**
 * The test goes through the notify queue and the notifier like an alarm; its outcome shows on the channel. An email
 * address not yet confirmed gets its verification email again instead: nothing else is sent to it before that.
 */
export async function testChannel(
  principal: Principal,
  channelId: string,
  deps: Pick<ManageChannelsDependencies, 'channels'> & { queue: NotifyQueue },
): Promise<{ queued: true; channelId: string; sent: 'test' | 'verification' }> {
  const channel = await ownChannel(principal, channelId, deps);
  if (needsVerification(channel)) {
    await queueVerification(channel, deps);
    return { queued: true, channelId, sent: 'verification' };
  }
  await deps.queue.send([{ message: { kind: 'test', accountId: channel.accountId, channelId: channel.channelId }, delaySeconds: 0 }]);
  return { queued: true, channelId, sent: 'test' };
}
