/**
 * MqttBroker on MQTT.js: one short-lived connection per publish, QoS 1, no automatic reconnects. MQTT.js's client is
 * used with a TCP/TLS stream of our own rather than through `mqtt.connect`, whose transports (WebSocket, SOCKS, …)
 * would more than double a Lambda bundle for protocols Pitwatch does not accept (mqtt:// and mqtts:// only).
 */
import { connect as connectTcp } from 'node:net';
import { connect as connectTls } from 'node:tls';
import type { IClientOptions } from 'mqtt';
import { checkBrokerUrl, EgressRefusedError, guardedLookup, type EgressPolicy } from '../../egress/ssrf-guard';
import * as clientModule from 'mqtt/lib/client';
import { MqttBrokerError, type MqttBroker, type MqttConnection, type MqttConnectOptions } from './mqtt-broker';

type MqttClient = InstanceType<typeof clientModule.default>;
/**
 * The module is CommonJS with `exports.default`: Node's ESM (tsx, and esbuild for a "type": "module" package) gives
 * the whole `exports` as the default, bundlers with Babel-style interop give `exports.default`. Either way, the class.
 */
const MqttClientClass = ((clientModule.default as unknown as { default?: typeof clientModule.default }).default ?? clientModule.default) as typeof clientModule.default;

/** Connects and waits for CONNACK: resolves with the client, rejects with the broker's refusal or the socket error. */
function connectClient(url: URL, options: IClientOptions, egress: EgressPolicy): Promise<MqttClient> {
  const secure = url.protocol === 'mqtts:';
  const port = Number(url.port || (secure ? 8883 : 1883));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // The stream builder MQTT.js calls: plain TCP, or TLS verified against the host name (Node's default CAs); either
  // way the addresses DNS answers are checked at connect time, so a name that rebinds to a private address is refused.
  const lookup = guardedLookup(egress);
  const stream = () => (secure ? connectTls({ host, port, servername: host, lookup }) : connectTcp({ host, port, lookup }));
  return new Promise((resolve, reject) => {
    const client = new MqttClientClass(stream, options);
    const fail = (error: Error) => {
      client.end(true);
      reject(error);
    };
    client.once('connect', () => {
      client.removeListener('error', fail);
      client.removeListener('close', closed);
      client.on('error', () => undefined); // later errors surface as failed publishes
      resolve(client);
    });
    const closed = () => fail(new Error('the broker closed the connection'));
    client.once('error', fail);
    client.once('close', closed);
  });
}

export const mqttJsBroker: MqttBroker = {
  async connect(options: MqttConnectOptions): Promise<MqttConnection> {
    const clientOptions: IClientOptions = {
      clientId: options.clientId,
      clean: true,
      connectTimeout: options.connectTimeoutMs,
      // We connect, publish and leave; a failure is recorded and retried by the next poll, not by the library.
      reconnectPeriod: 0,
      keepalive: 30,
      protocolVersion: 4,
      ...(options.username === null ? {} : { username: options.username }),
      ...(options.password === null ? {} : { password: options.password }),
    };
    let client: MqttClient;
    try {
      client = await withTimeout(connectClient(checkBrokerUrl(options.url, options.egress), clientOptions, options.egress), options.connectTimeoutMs + 500, 'connecting');
    } catch (error) {
      throw new MqttBrokerError(describe(error), { cause: error });
    }
    return {
      async publish(topic, payload, { retain }) {
        try {
          await withTimeout(client.publishAsync(topic, payload, { qos: 1, retain }), options.connectTimeoutMs, 'publishing');
        } catch (error) {
          throw new MqttBrokerError(describe(error), { cause: error });
        }
      },
      async end() {
        await client.endAsync().catch(() => undefined);
      },
    };
  },
};

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out ${what} after ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** Short, safe messages for the status shown to the user (no credentials are ever in them). */
function describe(error: unknown): string {
  if (error instanceof EgressRefusedError) return `Pitwatch does not connect to this broker: ${error.message}.`;
  const code = (error as { code?: unknown })?.code;
  const message = error instanceof Error ? error.message : String(error);
  // CONNACK 4 (bad username or password) and 5 (not authorized): mosquitto answers a wrong password with 5.
  if (code === 4 || code === 5 || code === 134 || code === 135 || /bad user ?name or password|not authori[sz]ed/i.test(message)) {
    return 'The broker refused the username or password.';
  }
  if (code === 'ECONNREFUSED') return 'The broker refused the connection (nothing listening there?).';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'The broker’s host name does not resolve.';
  if (/timed out|timeout/i.test(message)) return 'The broker did not answer in time.';
  return `The broker could not be reached: ${message.slice(0, 200)}`;
}
