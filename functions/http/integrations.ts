import { mqttJsBroker } from '../../shared/integrations/mqtt/mqtt-js-broker';
import { getMqttIntegration, putMqttIntegration, removeMqttIntegration, testMqttIntegration } from '../../shared/integrations/mqtt/manage-mqtt-integration';
import { createDependencies, lazy } from '../runtime/dependencies';
import { httpFunction } from '../runtime/http-function';
import { createLogger } from '../runtime/logger';
import { createMqttIntegrationStore } from '../runtime/mqtt';
import { createVault } from '../runtime/vault';

const logger = createLogger('integrations');
const deps = createDependencies();
const integrations = lazy(() => createMqttIntegrationStore(deps));
/** Broker passwords only: sealed on PUT, opened to test the broker and to clear it on removal (both publish). */
const vault = lazy(() => createVault(deps, 'mqtt-broker-password'));
const manage = () => ({ integrations: integrations(), vault: vault(), clock: deps.clock, egress: deps.config.egress });

/** Home Assistant over MQTT discovery: set up, show, test, remove. Publishing itself is the MQTT publisher's. */
export const handler = httpFunction(
  'integrations',
  {
    putMqttIntegration: async ({ principal, body }) => putMqttIntegration(principal, body, { ...manage(), ids: deps.ids }),
    getMqttIntegration: async ({ principal }) => ({ mqtt: await getMqttIntegration(principal, manage()) }),
    removeMqttIntegration: async ({ principal }) => removeMqttIntegration(principal, { ...manage(), broker: mqttJsBroker }),
    testMqttIntegration: async ({ principal }) => testMqttIntegration(principal, { ...manage(), broker: mqttJsBroker }),
  },
  deps,
  logger,
);
