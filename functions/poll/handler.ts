import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { pollAllAccounts } from '../../shared/polling/poll-all-accounts';
import type { ThermoWorksAccountSession } from '../../shared/polling/thermoworks-port';
import { createDependencies } from '../runtime/dependencies';
import { createLogger } from '../runtime/logger';

const logger = createLogger('poll');
const metrics = new Metrics({ namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Pitwatch', serviceName: 'poll' });
const deps = createDependencies();
/** ThermoWorks sessions survive between invocations of a warm container: id tokens are reused until near expiry. */
const sessionCache = new Map<string, ThermoWorksAccountSession>();

/** EventBridge schedule (rate 1 minute): poll every linked ThermoWorks account. */
export const handler = middy(async () => {
  const started = Date.now();
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
  metrics.addMetric('PollDuration', MetricUnit.Milliseconds, Date.now() - started);
  metrics.addMetric('AccountsPolled', MetricUnit.Count, summary.accounts);
  metrics.addMetric('ReadingsIngested', MetricUnit.Count, summary.readingsStored);
  metrics.addMetric('DuplicatesSkipped', MetricUnit.Count, summary.duplicatesSkipped);
  metrics.addMetric('ReadingsPushed', MetricUnit.Count, summary.pushed);
  for (const [code, count] of countBy(outcomes.flatMap((o) => (o.errorCode ? [o.errorCode] : [])))) {
    metrics.addMetric(`PollErrors_${code}`, MetricUnit.Count, count);
  }
  logger.info('Poll finished', { ...summary, errors: outcomes.filter((o) => o.errorCode).map((o) => ({ userId: o.userId, code: o.errorCode })) });
  return summary;
})
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}
