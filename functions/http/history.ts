import { deviceHistory } from '../../shared/readings/device-history';
import { createDependencies, lazy } from '../runtime/dependencies';
import { createReadingStore } from '../runtime/history';
import { httpFunction } from '../runtime/http-function';
import { createLogger } from '../runtime/logger';

const logger = createLogger('history');
const deps = createDependencies();
const readings = lazy(() => createReadingStore(deps));

/** GET /devices/{serial}/history — one channel's readings over a time range, downsampled to maxPoints. */
export const handler = httpFunction(
  'history',
  {
    deviceHistory: async ({ principal, params, query }) =>
      deviceHistory(principal.accountId, params.serial, query, { devices: deps.devices(), readings: readings(), clock: deps.clock }),
  },
  deps,
  logger,
);
