import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { dispatchPolls } from '../../shared/polling/dispatch-polls';
import { cadenceWith } from '../../shared/polling/poll-cadence';
import { createCoreDependencies, lazy } from '../runtime/core-dependencies';
import { createPollQueue } from '../runtime/poll-queue';
import { createLogger } from '../runtime/logger';

const logger = createLogger('poll-dispatch');
const metrics = new Metrics({ namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Pitwatch', serviceName: 'poll-dispatch' });
const deps = createCoreDependencies();
const queue = lazy(() => createPollQueue(deps));

/** EventBridge, once a minute: queue this minute's polls for every linked account. */
export const handler = middy(async () => {
  const summary = await dispatchPolls(
    { accounts: deps.accounts(), queue: queue(), clock: deps.clock, schedule: deps.wallClock, clockScale: deps.clockScale },
    cadenceWith(deps.config.pollIntervalSeconds),
  );
  metrics.addMetric('PollMessagesQueued', MetricUnit.Count, summary.messages);
  // Accounts polled at the active cadence: the no-readings alarm's "while accounts are active" (operations.ts).
  metrics.addMetric('AccountsActive', MetricUnit.Count, summary.active);
  logger.info('Dispatched polls', { ...summary });
  // A message SQS refused would silently skip an account's poll: fail the invocation so it shows and alarms.
  if (summary.failed > 0) throw new Error(`${summary.failed} poll messages could not be queued`);
  return summary;
})
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
