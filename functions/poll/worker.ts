import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { pollTimeBudgetMs } from '../../shared/polling/poll-time-budget';
import { processPollBatch } from '../../shared/polling/process-poll-batch';
import type { ThermoWorksAccountSession } from '../../shared/thermoworks/port';
import { createCoreDependencies, lazy } from '../runtime/core-dependencies';
import { createReadingStore } from '../runtime/history';
import { createPusher } from '../runtime/pusher';
import { createThermoWorks } from '../runtime/thermoworks';
import { createVault } from '../runtime/vault';
import { createLogger } from '../runtime/logger';
import { createMqttHandOff } from '../runtime/mqtt';
import { createAlarmStore, createNotifyQueue, notifyConfigOf } from '../runtime/notify';

const logger = createLogger('poll-worker');
const metrics = new Metrics({ namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Pitwatch', serviceName: 'poll-worker' });
const deps = createCoreDependencies();
const thermoworks = lazy(() => createThermoWorks(deps));
const vault = lazy(() => createVault(deps));
const readings = lazy(() => createReadingStore(deps));
const pusher = lazy(() => createPusher(deps));
const mqttHandOff = lazy(() => createMqttHandOff(deps));
/** Alarm rules are evaluated on every poll; fired alarms go to the notify queue (when the deployment has one). */
const alarms = lazy(() =>
  notifyConfigOf(deps).queue ? { alarms: createAlarmStore(deps), queue: createNotifyQueue(deps), ids: deps.ids, clock: deps.clock, log: logger } : undefined,
);
/** ThermoWorks sessions survive between invocations of a warm container: id tokens are reused until near expiry. */
const sessionCache = new Map<string, ThermoWorksAccountSession>();

/** Room left at the end of an invocation for storing and reporting what the batch read. */
const REPORT_MARGIN_MS = 5_000;

/** SQS poll requests, up to 10 at a time; partial batch failures are reported so only those are redelivered. */
export const handler = middy(async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
  const started = Date.now();
  const { batchItemFailures, outcomes } = await processPollBatch(
    event.Records.map((r) => ({ messageId: r.messageId, body: r.body })),
    {
      thermoworks: thermoworks(),
      vault: vault(),
      accounts: deps.accounts(),
      devices: deps.devices(),
      cooks: deps.cooks(),
      readings: readings(),
      connections: deps.connections(),
      pusher: pusher(),
      clock: deps.clock,
      sessionCache,
      // Readings are spaced in simulated time: under --time-scale n a real 5 s cadence spaces them n × 5 s apart.
      pollIntervalSeconds: deps.config.pollIntervalSeconds * deps.clockScale,
      mqttHandOff: mqttHandOff(),
      ...(alarms() && { alarms: alarms()! }),
      // The budget is real time: it bounds how long this invocation waits on ThermoWorks.
      timeBudgetMs: Math.max(1_000, Math.min(pollTimeBudgetMs(deps.config.pollIntervalSeconds), context.getRemainingTimeInMillis() - REPORT_MARGIN_MS)),
      log: logger,
    },
  );
  // A few metrics, each a custom metric billed per month: the rest (pushes, back-fill, gaps) goes to the logs.
  metrics.addMetric('PollLatency', MetricUnit.Milliseconds, Date.now() - started);
  metrics.addMetric('ReadingsIngested', MetricUnit.Count, outcomes.reduce((n, o) => n + o.readingsStored, 0));
  metrics.addMetric('DuplicatesSkipped', MetricUnit.Count, outcomes.reduce((n, o) => n + o.duplicatesSkipped, 0));
  // For the Operations dashboard and its no-readings alarm (infra/constructs/operations.ts).
  metrics.addMetric('AccountsFailing', MetricUnit.Count, outcomes.filter((o) => o.status !== 'ok').length);
  metrics.addMetric('DevicesReporting', MetricUnit.Count, outcomes.reduce((n, o) => n + o.devicesReporting, 0));
  metrics.addMetric('AccountsStale', MetricUnit.Count, outcomes.filter((o) => o.staleCook).length);
  const errors = outcomes.filter((o) => o.errorCode).length + batchItemFailures.length;
  if (errors > 0) {
    // Errors by class: one metric per class seen, as a dimension, only when there are errors.
    for (const [errorClass, count] of countBy([...outcomes.flatMap((o) => (o.errorCode ? [o.errorCode] : [])), ...batchItemFailures.map(() => 'RETRIED')])) {
      const single = metrics.singleMetric();
      single.addDimension('errorClass', errorClass);
      single.addMetric('PollErrors', MetricUnit.Count, count);
    }
  }
  logger.info('Polled', {
    accounts: outcomes.length,
    pushed: outcomes.reduce((n, o) => n + o.pushed, 0),
    backfilled: outcomes.reduce((n, o) => n + o.backfilled, 0),
    gapsAbandoned: outcomes.reduce((n, o) => n + o.gapsAbandoned, 0),
    retried: batchItemFailures.length,
    mqttHandOffs: outcomes.filter((o) => o.mqttHandOff === 'sent').length,
    alarmsFired: outcomes.reduce((n, o) => n + (o.alarmsFired ?? 0), 0),
  });
  const handOffsFailed = outcomes.filter((o) => o.mqttHandOff === 'failed').length;
  if (handOffsFailed > 0) logger.warn('MQTT hand-offs failed; the next poll with news hands off again', { accounts: handOffsFailed });
  const failing = outcomes.filter((o) => o.status !== 'ok');
  if (failing.length > 0) logger.warn('Accounts failing', { accounts: failing.map((o) => ({ userId: o.userId, status: o.status, code: o.errorCode })) });
  return { batchItemFailures };
})
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));

function countBy(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}
