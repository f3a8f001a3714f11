/**
 * The "Start cook" form's state and how it becomes a POST /cooks body. Pure: the checks the API would make
 * (at least one meat probe, each channel once, the pit channel not also a meat probe, targets in range) are
 * made here first so the user hears about them without a round trip, in words about their probes.
 */
import type { ChannelView, DeviceView } from '../../../shared/api/schemas';
import { MEAT_KINDS, type MeatKind } from '../../../shared/cook/meat-kind';
import { DONENESS_PRESETS, findDonenessPreset, presetInUnit } from '../../../shared/cook/presets/doneness-presets';
import type { TemperatureUnit } from '../../../shared/cook/units';
import { convertTemperature } from '../settings/temperature';
import { cookableChannels, temperatureChannels } from './cookableChannels';
import type { StartCookBody } from '../api/client';

/** What one probe channel is cooking to. `value` is the text typed for a custom target, in the form's unit. */
export type TargetChoice = { kind: 'none' } | { kind: 'preset'; presetId: string } | { kind: 'custom'; value: string };

export interface ProbeEntry {
  channel: string;
  /** The channel's name on the device, for messages ("Brisket flat"). */
  label: string;
  choice: TargetChoice;
}

export interface CookFormState {
  /** The channel measuring the pit (air), or null for none. */
  pitChannel: string | null;
  probes: ProbeEntry[];
  /** The unit custom targets are typed in and presets are shown in. */
  units: TemperatureUnit;
}

export interface FormError {
  /** The channel the error is about, or null when it is about the form as a whole. */
  channel: string | null;
  message: string;
}

export type BuildResult = { ok: true; request: StartCookBody } | { ok: false; errors: FormError[] };

/** The API's limits (startCookRequestSchema): targets 32–500 in the unit sent, at most 8 probes. */
const MIN_TARGET_F = 32;
const MAX_TARGET_F = 500;
const MAX_PROBES = 8;
/** serialSchema and channelNumberSchema (shared/api/wire-formats.ts). */
const SERIAL = /^[A-Za-z0-9:._-]{1,64}$/;
const CHANNEL_NUMBER = /^[1-9][0-9]?$/;

export { cookableChannels, temperatureChannels } from './cookableChannels';

/** The unit the device reports in (°F unless its temperature channels say °C). */
export function deviceUnit(device: Pick<DeviceView, 'channels'>): TemperatureUnit {
  return temperatureChannels(device)[0]?.units === 'C' ? 'C' : 'F';
}

/** A channel named like an air probe ("Pit", "Ambient", "Grate") is most likely the pit. */
export function guessPitChannel(channels: readonly Pick<ChannelView, 'number' | 'label'>[]): string | null {
  return channels.find((channel) => /\b(pit|ambient|air|grate|smoker|cooker)\b/i.test(channel.label))?.number ?? null;
}

/** A fresh form for a device: the pit guessed from channel names, every other probe unused; targets in `units`. */
export function initialCookForm(device: Pick<DeviceView, 'channels'>, units: TemperatureUnit = deviceUnit(device)): CookFormState {
  const channels = cookableChannels(device);
  return {
    pitChannel: guessPitChannel(channels),
    probes: channels.map((channel) => ({ channel: channel.number, label: channel.label, choice: { kind: 'none' } })),
    units,
  };
}

/** Sets the pit channel; that channel stops being a meat probe so the two cannot clash. */
export function withPitChannel(form: CookFormState, pitChannel: string | null): CookFormState {
  return {
    ...form,
    pitChannel,
    probes: form.probes.map((probe) => (probe.channel === pitChannel ? { ...probe, choice: { kind: 'none' } } : probe)),
  };
}

export function withChoice(form: CookFormState, channel: string, choice: TargetChoice): CookFormState {
  return { ...form, probes: form.probes.map((probe) => (probe.channel === channel ? { ...probe, choice } : probe)) };
}

export function buildStartCookRequest(serial: string, form: CookFormState): BuildResult {
  const errors: FormError[] = [];
  const used = form.probes.filter((probe) => probe.choice.kind !== 'none');

  if (used.length === 0) errors.push({ channel: null, message: 'Choose a target for at least one meat probe.' });
  if (used.length > MAX_PROBES) errors.push({ channel: null, message: `A cook can follow at most ${MAX_PROBES} probes.` });

  // The wire formats the API checks (wire-formats.ts): these come from the device list, so only a broken one fails.
  if (!SERIAL.test(serial)) errors.push({ channel: null, message: 'This device cannot be cooked with (its serial is not one Pitwatch knows).' });
  for (const channel of [form.pitChannel, ...used.map((probe) => probe.channel)]) {
    if (channel !== null && !CHANNEL_NUMBER.test(channel)) errors.push({ channel, message: `Channel ${channel} cannot be cooked with.` });
  }

  const seen = new Set<string>();
  for (const probe of used) {
    if (seen.has(probe.channel)) errors.push({ channel: probe.channel, message: `${name(probe)} is chosen twice.` });
    seen.add(probe.channel);
  }
  if (form.pitChannel !== null && seen.has(form.pitChannel)) {
    const probe = used.find((p) => p.channel === form.pitChannel);
    errors.push({ channel: form.pitChannel, message: `${probe ? name(probe) : `Channel ${form.pitChannel}`} is the pit probe; it cannot also be a meat probe.` });
  }

  const probes: StartCookBody['probes'] = [];
  for (const probe of used) {
    const choice = probe.choice;
    if (choice.kind === 'preset') {
      if (findDonenessPreset(choice.presetId) === undefined) errors.push({ channel: probe.channel, message: `Choose a target for ${name(probe)}.` });
      else probes.push({ channel: probe.channel, presetId: choice.presetId });
    } else if (choice.kind === 'custom') {
      const target = parseTemperature(choice.value);
      const error = targetError(target, form.units);
      if (error !== null || target === null) {
        errors.push({ channel: probe.channel, message: `${name(probe)}: ${error ?? 'enter a target temperature'}.` });
      } else {
        probes.push({ channel: probe.channel, target, units: form.units });
      }
    }
  }
  if (errors.length > 0) return { ok: false, errors: dedupe(errors) };

  // What passes the checks above passes the API's startCookRequestSchema too (cookForm.test.ts holds them together);
  // the schema itself stays on the server, so the browser does not carry zod.
  const request: StartCookBody = { serial, ...(form.pitChannel !== null ? { pitChannel: form.pitChannel } : {}), probes };
  return { ok: true, request };
}

/** "203", "203.5", "60,5" → a number; anything else → null. */
export function parseTemperature(text: string): number | null {
  const normalised = text.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return null;
  return Number(normalised);
}

/** Why a custom target cannot be sent, or null when it can. */
export function targetError(target: number | null, units: TemperatureUnit): string | null {
  if (target === null) return 'enter a target temperature';
  // The API takes 32–500 of whichever unit is sent; in °C the upper end is kept at 500 °F, which is 260 °C.
  const min = MIN_TARGET_F;
  const max = units === 'F' ? MAX_TARGET_F : Math.floor(convertTemperature(MAX_TARGET_F, 'F', 'C'));
  if (target < min || target > max) return `enter a target between ${min} and ${max} °${units}`;
  return null;
}

export interface PresetOption {
  id: string;
  /** "Brisket (packer, sliced) · 203 °F", plus a note when the target is below the USDA minimum. */
  text: string;
  guidance: string;
}

export interface PresetGroup {
  meat: MeatKind;
  label: string;
  options: PresetOption[];
}

const MEAT_LABELS: Record<MeatKind, string> = {
  brisket: 'Brisket',
  'pork-butt': 'Pork shoulder',
  ribs: 'Ribs',
  chicken: 'Chicken',
  turkey: 'Turkey',
  steak: 'Steak',
  salmon: 'Salmon',
};

/** The doneness presets grouped by meat, temperatures in `unit`, for the target select. */
export function presetGroups(unit: TemperatureUnit): PresetGroup[] {
  return MEAT_KINDS.map((meat) => ({
    meat,
    label: MEAT_LABELS[meat],
    options: DONENESS_PRESETS.filter((preset) => preset.meat === meat).map((preset) => {
      const view = presetInUnit(preset, unit);
      const note = view.belowUsdaMinimum ? ` (below USDA ${view.usdaSafeMinimum} °${unit})` : '';
      return { id: preset.id, text: `${preset.label} · ${view.target} °${unit}${note}`, guidance: preset.guidance };
    }),
  })).filter((group) => group.options.length > 0);
}

function name(probe: ProbeEntry): string {
  return probe.label.trim() === '' ? `Channel ${probe.channel}` : probe.label;
}

function dedupe(errors: FormError[]): FormError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.channel}|${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
