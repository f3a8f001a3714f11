/**
 * The HTTP API's and WebSocket's wire contracts: one zod schema per message, imported by the handlers
 * (to validate and to shape responses), the local gateways and the web app (to type and check what arrives).
 */
import * as z from 'zod';

export const temperatureUnitSchema = z.enum(['F', 'C']);
/** Channel units as ThermoWorks reports them: °F, °C, or relative humidity. */
export const channelUnitSchema = z.enum(['F', 'C', 'H']);

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

// POST /api/auth/login
export const loginRequestSchema = z.object({
  email: z.string().trim().email().max(320),
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const loginResponseSchema = z.object({
  sessionToken: z.string(),
  expiresAt: z.string(),
  user: z.object({ userId: z.string(), email: z.string() }),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

// GET /api/devices
export const channelViewSchema = z.object({
  number: z.string(),
  label: z.string(),
  /** Rounded to the device's 0.1° resolution; null when no probe reading is available. */
  value: z.number().nullable(),
  units: channelUnitSchema,
  status: z.string(),
  probeConnected: z.boolean(),
  /** When ThermoWorks saved this reading (ISO-8601 UTC). */
  at: z.string().nullable(),
});
export type ChannelView = z.infer<typeof channelViewSchema>;

export const deviceViewSchema = z.object({
  serial: z.string(),
  label: z.string(),
  kind: z.string(),
  battery: z.number().nullable(),
  wifiDbm: z.number().nullable(),
  online: z.boolean(),
  lastSeen: z.string().nullable(),
  channels: z.array(channelViewSchema),
});
export type DeviceView = z.infer<typeof deviceViewSchema>;

export const devicesResponseSchema = z.object({ devices: z.array(deviceViewSchema) });
export type DevicesResponse = z.infer<typeof devicesResponseSchema>;

// WebSocket: server → browser
export const readingMessageSchema = z.object({
  type: z.literal('reading'),
  serial: z.string(),
  channel: z.string(),
  value: z.number().nullable(),
  units: channelUnitSchema,
  status: z.string(),
  probeConnected: z.boolean(),
  at: z.string(),
});
export type ReadingMessage = z.infer<typeof readingMessageSchema>;

export const serverMessageSchema = z.discriminatedUnion('type', [
  readingMessageSchema,
  z.object({ type: z.literal('pong'), at: z.string() }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;

// WebSocket: browser → server ($default route)
export const clientMessageSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('ping') })]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

/** What /config.json tells the web app. */
export const webConfigSchema = z.object({
  apiUrl: z.string(),
  wsUrl: z.string(),
});
export type WebConfig = z.infer<typeof webConfigSchema>;
