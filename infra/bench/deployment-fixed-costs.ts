/**
 * What every deployment pays whatever its devices do, read from the code and the synthesized stack rather than
 * listed by hand, so a new queue, alarm or metric is priced the day it is added. bench:cost and bench:scale price
 * these same quantities (the dispatcher, which each bench measures its own way, is not among them).
 */
import { readFileSync } from 'node:fs';
import { synthesize } from '../test-support';

export type FixedPriceKey = 'kmsKeyMonth' | 'eventBridgeScheduledInvocation' | 'sqsRequest' | 'cloudwatchCustomMetricMonth' | 'cloudwatchAlarmMonth';

export interface FixedQuantity {
  readonly item: string;
  readonly quantity: number;
  readonly unit: string;
  readonly key: FixedPriceKey;
}

/** Lambda's SQS event source: about 5 pollers long-polling (20 s) an idle queue, billed as ReceiveMessage requests. */
export const EVENT_SOURCE_EMPTY_RECEIVES_PER_MINUTE = 15;

/** The benches' month: 30 days. */
export const MINUTES_PER_MONTH = 30 * 24 * 60;

/** The custom metrics the functions publish (Powertools EMF `addMetric` names), each billed per month. */
export const customMetricNames: ReadonlySet<string> = (() => {
  const found = new Set<string>();
  for (const file of ['../../functions/poll/worker.ts', '../../functions/poll/dispatch.ts', '../../functions/notify/notifier.ts']) {
    const text = readFileSync(new URL(file, import.meta.url), 'utf8');
    for (const m of text.matchAll(/addMetric\('(\w+)'/g)) found.add(m[1] as string);
  }
  return found;
})();

/** The synthesized stack's SQS event sources (each long-polls its idle queue) and CloudWatch alarms. */
export function deploymentFixtures(): { sqsEventSources: string[]; alarms: string[] } {
  const { template } = synthesize({ historyStore: 'timestream', deletionProtection: true }, { bundle: false });
  const json = template.toJSON() as { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };
  const entries = Object.entries(json.Resources);
  const sqsEventSources = entries
    .filter(([, r]) => r.Type === 'AWS::Lambda::EventSourceMapping' && JSON.stringify(r.Properties?.['EventSourceArn'] ?? '').includes('Queue'))
    .map(([id]) => id.replace(/[0-9A-F]{8}$/, ''));
  const alarms = entries.filter(([, r]) => r.Type === 'AWS::CloudWatch::Alarm').map(([id]) => id.replace(/[0-9A-F]{8}$/, ''));
  return { sqsEventSources, alarms };
}

/** A month of the deployment's fixed quantities. */
export function fixedDeploymentQuantities(fixtures = deploymentFixtures()): FixedQuantity[] {
  return [
    { item: 'KMS vault key (year 1; rotations add up to +$2/month later)', quantity: 1, unit: 'key-month', key: 'kmsKeyMonth' },
    { item: 'EventBridge schedule (once a minute)', quantity: MINUTES_PER_MONTH, unit: 'invocations', key: 'eventBridgeScheduledInvocation' },
    {
      item: `SQS empty receives (${fixtures.sqsEventSources.length} event sources long-polling idle queues: ${fixtures.sqsEventSources.join(', ')})`,
      quantity: fixtures.sqsEventSources.length * MINUTES_PER_MONTH * EVENT_SOURCE_EMPTY_RECEIVES_PER_MINUTE,
      unit: 'requests',
      key: 'sqsRequest',
    },
    { item: 'CloudWatch custom metrics (EMF from functions/poll and the notifier, see below)', quantity: customMetricNames.size, unit: 'metrics', key: 'cloudwatchCustomMetricMonth' },
    { item: `CloudWatch alarms (${fixtures.alarms.length}: ${fixtures.alarms.join(', ')})`, quantity: fixtures.alarms.length, unit: 'alarms', key: 'cloudwatchAlarmMonth' },
  ];
}
