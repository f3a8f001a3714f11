/** Wire contracts of the MQTT integration (Home Assistant discovery): set up, show with status, test, remove. */
import * as z from 'zod';

/** `mqtt://host[:port]` or `mqtts://host[:port]`; credentials go in their own fields, never in the URL. */
export const brokerUrlSchema = z
  .string()
  .trim()
  .max(512)
  .refine((value) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return false;
    }
    return (url.protocol === 'mqtt:' || url.protocol === 'mqtts:') && url.hostname !== '' && url.username === '' && url.password === '' && (url.pathname === '' || url.pathname === '/') && url.search === '' && url.hash === '';
  }, 'an mqtt:// or mqtts:// URL with a host (and a port, if not 1883/8883), without credentials, path or query');

/** Home Assistant's discovery prefix: MQTT topic levels of [A-Za-z0-9_-]. */
export const discoveryPrefixSchema = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/, 'topic levels of letters, digits, _ and -, such as homeassistant');

export const putMqttIntegrationRequestSchema = z.strictObject({
  url: brokerUrlSchema,
  username: z.string().min(1).max(256).optional(),
  /** Sealed by the credential vault at once; never shown again. Left out: the broker takes no password. */
  password: z.string().min(1).max(1024).optional(),
  discoveryPrefix: discoveryPrefixSchema.default('homeassistant'),
});
export type PutMqttIntegrationRequest = z.infer<typeof putMqttIntegrationRequestSchema>;

export const mqttStatusSchema = z.object({
  /** pending: not published yet; ok: the last publish worked; failing: it did not (see message), retried with backoff. */
  state: z.enum(['pending', 'ok', 'failing']),
  message: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  consecutiveFailures: z.number().int().nonnegative(),
  /** While failing: no attempt before this time (exponential backoff, 15 s doubling to 15 min). */
  retryAt: z.string().nullable(),
});
export type MqttStatus = z.infer<typeof mqttStatusSchema>;

export const mqttIntegrationViewSchema = z.object({
  url: z.string(),
  username: z.string().nullable(),
  hasPassword: z.boolean(),
  discoveryPrefix: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  status: mqttStatusSchema,
  /** Home Assistant entities whose discovery configs are retained on the broker now. */
  entities: z.number().int().nonnegative(),
});
export type MqttIntegrationView = z.infer<typeof mqttIntegrationViewSchema>;

export const mqttIntegrationResponseSchema = z.object({ mqtt: mqttIntegrationViewSchema.nullable() });

export const mqttTestResultSchema = z.object({
  ok: z.boolean(),
  message: z.string(),
  /** Connect and one QoS 1 publish acknowledged; null when it failed. */
  latencyMs: z.number().nullable(),
  testedAt: z.string(),
});
export type MqttTestResult = z.infer<typeof mqttTestResultSchema>;

export const mqttRemovedSchema = z.object({
  removed: z.literal(true),
  /** Retained discovery configs and states cleared on the broker (empty retained payloads). */
  cleared: z.number().int().nonnegative(),
  /** Why nothing could be cleared (the broker was unreachable), else null. */
  message: z.string().nullable(),
});
