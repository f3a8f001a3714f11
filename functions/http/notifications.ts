import { createChannel, deleteChannel, listChannels, testChannel, updateChannel } from '../../shared/notify/manage-channels';
import { alarmRouteList } from '../../shared/api/alarm-routes';
import { createDependencies, lazy } from '../runtime/dependencies';
import { httpFunction } from '../runtime/http-function';
import { createLogger } from '../runtime/logger';
import { channelAvailabilityOf, createChannelStore, createDeploymentSecretStore, createNotifyQueue, egressPolicyOf } from '../runtime/notify';
import { createVault } from '../runtime/vault';

const logger = createLogger('notifications');
const deps = createDependencies();
const channels = lazy(() => createChannelStore(deps));
/** Seals webhook secrets and, once per deployment, the VAPID private key and link key; never opens anything. */
const vault = lazy(() => createVault(deps, 'notification-secret'));
const queue = lazy(() => createNotifyQueue(deps));
const manage = () => ({ channels: channels(), clock: deps.clock, vault: vault(), egress: egressPolicyOf(deps), availability: channelAvailabilityOf(deps) });

/** Notification channels: add (a webhook's secret shown once), list (with the VAPID public key), change, remove, test. */
export const handler = httpFunction(
  'notifications',
  {
    createNotificationChannel: async ({ principal, body }) => createChannel(principal, body, { ...manage(), ids: deps.ids, queue: queue(), secrets: createDeploymentSecretStore(deps) }),
    listNotificationChannels: async ({ principal }) => listChannels(principal, { ...manage(), secrets: createDeploymentSecretStore(deps) }),
    updateNotificationChannel: async ({ principal, params, body }) => updateChannel(principal, params.channelId, body, manage()),
    deleteNotificationChannel: async ({ principal, params }) => deleteChannel(principal, params.channelId, manage()),
    testNotificationChannel: async ({ principal, params }) => testChannel(principal, params.channelId, { channels: channels(), queue: queue() }),
  },
  deps,
  logger,
  alarmRouteList,
);
