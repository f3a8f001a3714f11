import { liveCookView } from '../../shared/cooks/cook-views';
import { deviceViews } from '../../shared/devices/list-devices';
import { accountMetrics } from '../../shared/metrics/account-metrics';
import { exposition } from '../../shared/metrics/prometheus-exposition';
import { createDependencies } from '../runtime/dependencies';
import { httpFunction } from '../runtime/http-function';
import { createLogger } from '../runtime/logger';

const logger = createLogger('metrics');
const deps = createDependencies();

/** GET /metrics — Prometheus scrapes this with a read API token: one Query of the account partition. */
export const handler = httpFunction(
  'metrics',
  {
    metrics: async ({ principal }) => {
      const partition = await deps.devices().listAccountDevices(principal.accountId);
      return exposition(accountMetrics(deviceViews(partition), partition.cooks.map(liveCookView), deps.clock.now()));
    },
  },
  deps,
  logger,
);
