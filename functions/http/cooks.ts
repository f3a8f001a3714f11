import { cookView, startCook } from '../../shared/cooks/start-cook';
import { NotFoundError } from '../../shared/errors';
import { createDependencies } from '../runtime/dependencies';
import { httpFunction } from '../runtime/http-function';
import { createLogger } from '../runtime/logger';

const logger = createLogger('cooks');
const deps = createDependencies();

/** Cooks: start (probes + targets), list the ones in progress with predictions, end one. */
export const handler = httpFunction(
  'cooks',
  {
    startCook: async ({ principal, body }) => startCook(principal.accountId, body, { devices: deps.devices(), clock: deps.clock }),
    listCooks: async ({ principal }) => {
      const { cooks } = await deps.devices().listAccountDevices(principal.accountId);
      return { cooks: cooks.map(cookView) };
    },
    endCook: async ({ principal, params }) => {
      if (!(await deps.devices().deleteCook(principal.accountId, params.serial))) throw new NotFoundError(`No cook in progress on ${params.serial}.`);
      return { ended: true };
    },
  },
  deps,
  logger,
);
