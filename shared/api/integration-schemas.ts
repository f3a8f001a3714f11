/** Wire contracts of the MQTT integration (Home Assistant discovery): set up, show with status, test, remove. */
import * as z from '../validation/zod';

/** `mqtt://host[:port]` or `mqtts://host[:port]`; credentials go in their own fields, never in the URL. */
export const brokerUrlSchema = z.string().check(
  z.trim(),
  z.maxLength(512),
  z.refine((value) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return false;
    }
    return (url.protocol === 'mqtt:' || url.protocol === 'mqtts:') && url.hostname !== '' && url.username === '' && url.password === '' && (url.pathname === '' || url.pathname === '/') && url.search === '' && url.hash === '';
  }, 'an mqtt:// or mqtts:// URL with a host (and a port, if not 1883/8883), without credentials, path or query'),
);

/** Home Assistant's discovery prefix: MQTT topic levels of [A-Za-z0-9_-]. */
export const discoveryPrefixSchema = z.string().check(z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/, 'topic levels of letters, digits, _ and -, such as homeassistant'));

export const putMqttIntegrationRequestSchema = z.strictObject({
  url: brokerUrlSchema,
  username: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
  /** Sealed by the credential vault at once; never shown again. Left out: the broker takes no password. */
  password: z.optional(z.string().check(z.minLength(1), z.maxLength(1024))),
  discoveryPrefix: z._default(discoveryPrefixSchema, 'homeassistant'),
});
export type PutMqttIntegrationRequest = z.infer<typeof putMqttIntegrationRequestSchema>;

export const mqttStatusSchema = z.object({
  /** pending: not published yet; ok: the last publish worked; failing: it did not (see message), retried with backoff. */
  state: z.enum(['pending', 'ok', 'failing']),
  message: z.nullable(z.string()),
  lastAttemptAt: z.nullable(z.string()),
  lastSuccessAt: z.nullable(z.string()),
  consecutiveFailures: z.number().check(z.int(), z.nonnegative()),
  /** While failing: no attempt before this time (exponential backoff, 15 s doubling to 15 min). */
  retryAt: z.nullable(z.string()),
});
export type MqttStatus = z.infer<typeof mqttStatusSchema>;

export const mqttIntegrationViewSchema = z.object({
  url: z.string(),
  username: z.nullable(z.string()),
  hasPassword: z.boolean(),
  discoveryPrefix: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  status: mqttStatusSchema,
  /** Home Assistant entities whose discovery configs are retained on the broker now. */
  entities: z.number().check(z.int(), z.nonnegative()),
});
export type MqttIntegrationView = z.infer<typeof mqttIntegrationViewSchema>;

export const mqttIntegrationResponseSchema = z.object({ mqtt: z.nullable(mqttIntegrationViewSchema) });

export const mqttTestResultSchema = z.object({
  ok: z.boolean(),
  message: z.string(),
  /** Connect and one QoS 1 publish acknowledged; null when it failed. */
  latencyMs: z.nullable(z.number()),
  testedAt: z.string(),
});
export type MqttTestResult = z.infer<typeof mqttTestResultSchema>;

export const mqttRemovedSchema = z.object({
  removed: z.literal(true),
  /** Retained discovery configs and states cleared on the broker (empty retained payloads). */
  cleared: z.number().check(z.int(), z.nonnegative()),
  /** Why nothing could be cleared (the broker was unreachable), else null. */
  message: z.nullable(z.string()),
});
