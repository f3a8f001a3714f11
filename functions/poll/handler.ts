import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { pollAllAccounts } from '../../shared/polling/poll-all-accounts';
import type { ThermoWorksAccountSession } from '../../shared/polling/thermoworks-port';
import { createDependencies } from '../runtime/dependencies';
import { createLogger } from '../runtime/logger';

const logger = createLogger('poll');
const deps = createDependencies();
/** ThermoWorks sessions survive between invocations of a warm container: id tokens are reused until near expiry. */
const sessionCache = new Map<string, ThermoWorksAccountSession>();

/** EventBridge schedule (rate 1 minute): poll every linked ThermoWorks account. */
export const handler = middy(async () => {
  const outcomes = await pollAllAccounts(
    {
      thermoworks: deps.thermoworks(),
      vault: deps.vault(),
      accounts: deps.accounts(),
      devices: deps.devices(),
      readings: deps.readings(),
      connections: deps.connections(),
      pusher: deps.pusher(),
      clock: deps.clock,
      sessionCache,
    },
    deps.config.pollConcurrency,
  );
  const summary = {
    accounts: outcomes.length,
    failing: outcomes.filter((o) => o.status !== 'ok').length,
    readingsStored: outcomes.reduce((n, o) => n + o.readingsStored, 0),
    duplicatesSkipped: outcomes.reduce((n, o) => n + o.duplicatesSkipped, 0),
    pushed: outcomes.reduce((n, o) => n + o.pushed, 0),
  };
  logger.info('Poll finished', { ...summary, errors: outcomes.filter((o) => o.errorCode).map((o) => ({ userId: o.userId, code: o.errorCode })) });
  return summary;
}).use(injectLambdaContext(logger));
