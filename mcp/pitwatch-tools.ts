/**
 * The tools an assistant gets: list_devices, get_live_readings, get_cook (predictions, stall, alerts), list_cooks,
 * cook_history_summary. Enough to answer "when will my brisket be done, and is it stalled?". Cooks are read through
 * shared/integrations/cook-status.ts, the one place that turns today's cook view into what integrations say.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { serialSchema } from '../shared/api/wire-formats';
import { cookStatusOf } from '../shared/integrations/cook-status';
import type { PitwatchApi } from './pitwatch-api';

const MAX_HISTORY_HOURS = 48;

function answer(value: unknown) {
  return { content: [{ type: 'text' as const, text: JSON.stringify(value, null, 2) }], structuredContent: value as Record<string, unknown> };
}

function failure(message: string) {
  return { content: [{ type: 'text' as const, text: message }], isError: true };
}

/** Minutes from now, rounded, or null. */
const minutesFrom = (iso: string | null, now: Date) => (iso === null ? null : Math.round((Date.parse(iso) - now.getTime()) / 60_000));

export function registerPitwatchTools(server: McpServer, api: PitwatchApi, clock: { now(): Date } = { now: () => new Date() }): void {
  server.registerTool(
    'list_devices',
    { title: 'List thermometers', description: 'The ThermoWorks thermometers on the account: name, model, battery, Wi-Fi, online, last seen, and their channels.' },
    async () => {
      const devices = await api.devices();
      return answer({
        devices: devices.map((d) => ({
          serial: d.serial, name: d.label, model: d.kind, online: d.online, lastSeen: d.lastSeen, batteryPercent: d.battery, wifiDbm: d.wifiDbm,
          channels: d.channels.map((c) => ({ channel: c.number, label: c.label })),
        })),
      });
    },
  );

  server.registerTool(
    'get_live_readings',
    {
      title: 'Live readings',
      description: 'The latest reading of every channel (°F, °C or %RH), as last polled; optionally one thermometer only.',
      inputSchema: { serial: z.optional(serialSchema).describe('A thermometer serial from list_devices; all when left out') },
    },
    async ({ serial }) => {
      const devices = (await api.devices()).filter((d) => serial === undefined || d.serial === serial);
      if (serial !== undefined && devices.length === 0) return failure(`No thermometer ${serial} on this account.`);
      return answer({
        readings: devices.flatMap((d) =>
          d.channels.map((c) => ({ serial: d.serial, device: d.label, channel: c.number, label: c.label, value: c.value, units: c.units, probeConnected: c.probeConnected, at: c.at })),
        ),
      });
    },
  );

  server.registerTool(
    'list_cooks',
    { title: 'Cooks in progress', description: 'Every cook in progress: thermometer, start, probes with their targets, and a one-line state per probe.' },
    async () => {
      const now = clock.now();
      const cooks = (await api.cooks()).map(cookStatusOf);
      return answer({
        cooks: cooks.map((c) => ({
          serial: c.serial, startedAt: c.startedAt, alarm: c.alarm,
          probes: c.probes.map((p) => ({ channel: p.channel, meat: p.meat, targetF: p.targetF, phase: p.phase, stalled: p.stalled, doneInMinutes: minutesFrom(p.etaAt, now) })),
        })),
      });
    },
  );

  server.registerTool(
    'get_cook',
    {
      title: 'A cook in detail',
      description: 'One cook in progress: for each probe the done-time prediction (with its 80 % interval), phase, whether it is in the stall and since when, and the cook’s alerts.',
      inputSchema: { serial: z.optional(serialSchema).describe('The thermometer of the cook; the only cook when left out') },
    },
    async ({ serial }) => {
      const cooks = await api.cooks();
      const cook = serial === undefined ? (cooks.length === 1 ? cooks[0] : undefined) : cooks.find((c) => c.serial === serial);
      if (!cook) return failure(cooks.length === 0 ? 'No cook is in progress.' : serial === undefined ? `${cooks.length} cooks are in progress: name one by serial (list_cooks).` : `No cook in progress on ${serial}.`);
      const status = cookStatusOf(cook);
      const now = clock.now();
      return answer({
        serial: status.serial,
        startedAt: status.startedAt,
        pitChannel: status.pitChannel,
        alarm: status.alarm,
        probes: status.probes.map((p) => ({
          ...p,
          doneInMinutes: minutesFrom(p.etaAt, now),
          doneInMinutesRange: p.etaLowAt && p.etaHighAt ? [minutesFrom(p.etaLowAt, now), minutesFrom(p.etaHighAt, now)] : null,
          stalledForMinutes: p.stalled && p.stallStartedAt ? -1 * (minutesFrom(p.stallStartedAt, now) ?? 0) : null,
        })),
        alerts: status.alerts,
      });
    },
  );

  server.registerTool(
    'cook_history_summary',
    {
      title: 'How a cook went so far',
      description: 'Per channel of a thermometer over the cook (or the last hours): first, lowest, highest and latest reading, and the rise per hour over the last 30 minutes.',
      inputSchema: {
        serial: serialSchema.check(z.describe('A thermometer serial from list_devices')),
        hours: z.number().positive().max(MAX_HISTORY_HOURS).optional().describe('How far back; the cook’s start (or 12 h) when left out'),
      },
    },
    async ({ serial, hours }) => {
      const [devices, cooks] = await Promise.all([api.devices(), api.cooks()]);
      const device = devices.find((d) => d.serial === serial);
      if (!device) return failure(`No thermometer ${serial} on this account.`);
      const cook = cooks.find((c) => c.serial === serial);
      const to = clock.now();
      const from = hours !== undefined ? new Date(to.getTime() - hours * 3600_000) : cook ? new Date(cook.startedAt) : new Date(to.getTime() - 12 * 3600_000);
      const channels = device.channels.filter((c) => c.units !== 'H');
      const summaries = await Promise.all(
        channels.map(async (c) => {
          const { points } = await api.history(serial, c.number, from, to, 720);
          if (points.length === 0) return { channel: c.number, label: c.label, points: 0 };
          const values = points.map((p) => p.value);
          const recent = points.filter((p) => Date.parse(p.at) >= to.getTime() - 30 * 60_000);
          const rise = recent.length >= 2 ? ((recent.at(-1)!.value - recent[0]!.value) / (Date.parse(recent.at(-1)!.at) - Date.parse(recent[0]!.at))) * 3600_000 : null;
          return {
            channel: c.number, label: c.label, units: points[0]!.units, points: points.length,
            first: { value: points[0]!.value, at: points[0]!.at }, latest: { value: points.at(-1)!.value, at: points.at(-1)!.at },
            lowest: Math.min(...values), highest: Math.max(...values), risePerHourLast30Min: rise === null ? null : Math.round(rise * 10) / 10,
          };
        }),
      );
      return answer({ serial, from: from.toISOString(), to: to.toISOString(), cookInProgress: cook !== undefined, channels: summaries });
    },
  );
}
