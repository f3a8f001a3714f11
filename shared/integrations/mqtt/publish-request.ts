/**
 * The poll worker's hand-off to the MQTT publisher: "this account's state changed, publish it". Only the account:
 * the publisher reads the state itself (what the poll just stored), so a late or repeated message publishes the
 * newest state, never an old one.
 */
import * as z from '../../validation/zod';

export const mqttPublishRequestSchema = z.strictObject({
  accountId: z.string().check(z.minLength(1), z.maxLength(128)),
  /** When the poll stored what is to be published (for the publish-latency figures). */
  polledAt: z.iso.datetime(),
});
export type MqttPublishRequest = z.infer<typeof mqttPublishRequestSchema>;

/** Where the poll hands the request: the MQTT publish queue (SQS) in AWS and locally. */
export interface StateHandOff {
  handOff(request: MqttPublishRequest): Promise<void>;
}
