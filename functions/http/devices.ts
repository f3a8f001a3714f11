import { listDevices } from '../../shared/devices/list-devices';
import { createDependencies } from '../runtime/dependencies';
import { httpFunction } from '../runtime/http-function';
import { createLogger } from '../runtime/logger';

const logger = createLogger('devices');
const deps = createDependencies();

/** GET /devices — the caller's devices with each channel's latest reading. */
export const handler = httpFunction(
  'devices',
  {
    listDevices: async ({ principal }) => ({ devices: await listDevices(principal.accountId, deps.devices()) }),
  },
  deps,
  logger,
);
