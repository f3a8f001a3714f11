/** The narrow slice of an MQTT client the publisher needs (MQTT.js behind it: mqtt-js-broker.ts). */
import type { EgressPolicy } from '../../egress/ssrf-guard';

export interface MqttConnectOptions {
  url: string;
  username: string | null;
  password: string | null;
  clientId: string;
  /** Give up connecting after this long (an unreachable broker must not hold anything up). */
  connectTimeoutMs: number;
  /** Where the broker may be (checked on the URL and on the addresses DNS answers at connect time). */
  egress: EgressPolicy;
}

export interface MqttConnection {
  /** Resolves when the broker acknowledged it (QoS 1 PUBACK). */
  publish(topic: string, payload: string, options: { retain: boolean }): Promise<void>;
  end(): Promise<void>;
}

export interface MqttBroker {
  connect(options: MqttConnectOptions): Promise<MqttConnection>;
}

/** A broker refused or could not be reached: recorded on the integration's status, never thrown at a poll. */
export class MqttBrokerError extends Error {
  override name = 'MqttBrokerError';
}
