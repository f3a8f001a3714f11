import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { mqttJsBroker } from '../../shared/integrations/mqtt/mqtt-js-broker';
import { processMqttPublishBatch } from '../../shared/integrations/mqtt/process-publish-batch';
import { createCoreDependencies, lazy } from '../runtime/core-dependencies';
import { createLogger } from '../runtime/logger';
import { createMqttIntegrationStore } from '../runtime/mqtt';
import { createVault } from '../runtime/vault';

const logger = createLogger('mqtt-publisher');
const deps = createCoreDependencies();
const integrations = lazy(() => createMqttIntegrationStore(deps));
/** Broker passwords only: this function's role may open no other kind of secret. */
const vault = lazy(() => createVault(deps, 'mqtt-broker-password'));
/** Opened passwords survive between invocations of a warm container (a KMS call per publish would cost more). */
const secretCache = new Map<string, { version: string; password: string | null; until: number }>();

/** SQS hand-offs from the poll worker, up to 10 at a time: publishes each account's state to its broker. */
export const handler = middy(async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const { batchItemFailures, outcomes } = await processMqttPublishBatch(
    event.Records.map((r) => ({ messageId: r.messageId, body: r.body })),
    { devices: deps.devices(), integrations: integrations(), vault: vault(), broker: mqttJsBroker, clock: deps.clock, egress: deps.config.egress, secretCache, log: logger },
  );
  logger.info('Published', {
    accounts: outcomes.length,
    published: outcomes.filter((o) => o.result === 'published').length,
    failed: outcomes.filter((o) => o.result === 'failed').length,
    backingOff: outcomes.filter((o) => o.result === 'backing-off').length,
    messages: outcomes.reduce((n, o) => n + o.published + o.cleared, 0),
  });
  return { batchItemFailures };
}).use(injectLambdaContext(logger));
