import { alarmRouteList } from '../../shared/api/alarm-routes';
import { notifySecretsOnce, openNotifySecrets } from '../../shared/notify/deployment-secrets';
import { followAlarmLink, previewAlarmLink } from '../../shared/notify/follow-alarm-link';
import { createDependencies, lazy } from '../runtime/dependencies';
import { httpFunction } from '../runtime/http-function';
import { createLogger } from '../runtime/logger';
import { createLiveSockets } from '../runtime/pusher';
import { createAlarmStore, createChannelStore, createDeploymentSecretStore } from '../runtime/notify';
import { createVault } from '../runtime/vault';

const logger = createLogger('alarm-links');
const deps = createDependencies();
/** Opens the deployment's link key only (notification secrets): nothing else is sealed or opened here. */
const vault = lazy(() => createVault(deps, 'notification-secret'));
const secretStore = lazy(() => createDeploymentSecretStore(deps));
/** Kept once opened (notifySecretsOnce): an anonymous caller must not be able to make every request cost a KMS Decrypt. */
const openSecrets = notifySecretsOnce(() => openNotifySecrets({ store: secretStore(), vault: vault() }));
const openLinkKey = async () => (await openSecrets())?.linkKey;
const links = lazy(() => ({
  linkKey: openLinkKey,
  alarms: createAlarmStore(deps),
  channels: createChannelStore(deps),
  clock: deps.clock,
  live: createLiveSockets(deps),
}));

/** Signed links, public (the token is the credential): preview what one does, or do it (ack, snooze 10 min, verify an email). */
export const handler = httpFunction(
  'alarm-links',
  {
    previewAlarmLink: async ({ query }) => previewAlarmLink(query.token, links()),
    followAlarmLink: async ({ body }) => followAlarmLink(body.token, links()),
  },
  deps,
  logger,
  alarmRouteList,
);
