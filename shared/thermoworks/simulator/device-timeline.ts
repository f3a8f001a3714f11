/**
 * One simulated device through time. Everything is a function of simulated time so any instant can be asked
 * for: what the probe truly read at each recording instant (the ground truth), when the device last managed
 * to upload (transmit instants, skipping offline periods), and which archive windows it has written.
 * Instants are aligned to multiples of the interval since the epoch.
 */
import type { ChannelUnit } from '../channel-unit';
import type { CookCurve } from './cook-curve';
import type { ScenarioChannel, ScenarioDevice, TimeWindow } from './scenario';
import { noiseAt } from './seeded-random';

export interface Window {
  fromMs: number;
  /** Open-ended when undefined. */
  toMs?: number;
}

export interface RecordedPoint {
  at: Date;
  /** At the device's resolution (0.1°, or whole degrees for integer devices); null when no probe was plugged in. */
  value: number | null;
  units: ChannelUnit;
}

export interface Extreme {
  value: number;
  atMs: number;
}

export interface ChannelSnapshot {
  channel: ScenarioChannel;
  /** When this reading was uploaded. */
  atMs: number;
  value: number | null;
  connected: boolean;
  minimum?: Extreme;
  maximum?: Extreme;
}

export interface ArchiveWindow {
  id: string;
  startMs: number;
  /** Exclusive end; also when the archive was written. */
  endMs: number;
}

/** How far back an offline search or history goes before giving up. */
const HISTORY_LIMIT_MS = 30 * 86_400_000;
/** Devices without a cook keep min/max over this much history. */
const DEFAULT_SESSION_MS = 6 * 3_600_000;

const toWindow = (simStartMs: number) => (w: TimeWindow): Window => ({
  fromMs: simStartMs + w.fromSeconds * 1000,
  toMs: w.toSeconds === undefined ? undefined : simStartMs + w.toSeconds * 1000,
});

const inside = (windows: Window[], ms: number) => windows.some((w) => ms >= w.fromMs && (w.toMs === undefined || ms < w.toMs));

function fToUnits(f: number, units: ChannelUnit): number {
  return units === 'C' ? ((f - 32) * 5) / 9 : f;
}

export class DeviceTimeline {
  readonly recordMs: number;
  readonly transmitMs: number;
  readonly sessionStartMs: number;
  private readonly offline: Window[];
  private readonly unplugged = new Map<string, Window[]>();
  private readonly extremes = new Map<string, { upToMs: number; min?: Extreme; max?: Extreme }>();

  constructor(
    readonly device: ScenarioDevice,
    readonly accountId: string,
    private readonly simStartMs: number,
    private readonly seed: number,
    private readonly cook: CookCurve | undefined,
  ) {
    this.recordMs = device.recordingIntervalSeconds * 1000;
    this.transmitMs = device.transmitIntervalSeconds * 1000;
    this.offline = device.offline.map(toWindow(simStartMs));
    for (const channel of device.channels) {
      const windows = channel.unplugged.map(toWindow(simStartMs));
      if (!channel.connected) windows.push({ fromMs: Number.NEGATIVE_INFINITY });
      this.unplugged.set(channel.number, windows);
    }
    this.sessionStartMs = device.cook ? simStartMs - device.cook.startedSecondsAgo * 1000 : simStartMs - DEFAULT_SESSION_MS;
  }

  channel(number: string): ScenarioChannel | undefined {
    return this.device.channels.find((c) => c.number === number);
  }

  isOnlineAt(ms: number): boolean {
    return !inside(this.offline, ms);
  }

  isConnectedAt(number: string, ms: number): boolean {
    return !inside(this.unplugged.get(number) ?? [], ms);
  }

  /** From `atMs` on, the device is online or not (closing or opening an offline period). */
  setOnline(online: boolean, atMs: number): void {
    setState(this.offline, !online, atMs);
  }

  setProbeConnected(number: string, connected: boolean, atMs: number): void {
    const windows = this.unplugged.get(number);
    if (windows) setState(windows, !connected, atMs);
  }

  /** The physical temperature in the channel's units (the cook model may include its own sensor noise). */
  trueValue(channel: ScenarioChannel, ms: number): number {
    const source = channel.source;
    if (source.kind === 'steady') {
      // A slow daily swing, peaking mid-afternoon UTC; phase doesn't matter, smoothness does.
      return source.value + source.swing * Math.sin((2 * Math.PI * ms) / 86_400_000);
    }
    const cookDef = this.device.cook;
    if (!this.cook || !cookDef) return fToUnits(70, channel.units);
    const elapsed = (ms - this.simStartMs) / 1000 + cookDef.startedSecondsAgo;
    const sample = this.cook.sampleAt(elapsed);
    const f = source.kind === 'pit' ? sample.pitF : source.kind === 'ambient' ? sample.ambientF : (sample.meatF[source.index] ?? sample.ambientF);
    return fToUnits(f, channel.units);
  }

  /** What the device recorded at a recording instant: true value + sensor noise, at the device's resolution. */
  measuredAt(channel: ScenarioChannel, recordingMs: number): number | null {
    if (!this.isConnectedAt(channel.number, recordingMs)) return null;
    const fromCook = channel.source.kind !== 'steady' && this.cook?.includesSensorNoise === true;
    const noise = fromCook ? 0 : channel.noise * noiseAt(this.seed, this.device.serial, channel.number, recordingMs);
    const noisy = this.trueValue(channel, recordingMs) + noise;
    if (this.device.valueEncoding === 'integer') return Math.round(noisy);
    const tenth = Math.round(noisy * 10) / 10;
    return tenth === 0 ? 0 : tenth;
  }

  recordingInstantAtOrBefore(ms: number): number {
    return Math.floor(ms / this.recordMs) * this.recordMs;
  }

  /** The last upload at or before `nowMs`, skipping offline periods; undefined if none within the history limit. */
  lastTransmitAt(nowMs: number): number | undefined {
    let candidate = Math.floor(nowMs / this.transmitMs) * this.transmitMs;
    for (let guard = 0; guard < 10_000 && candidate > nowMs - HISTORY_LIMIT_MS; guard++) {
      const blocking = this.offline.find((w) => candidate >= w.fromMs && (w.toMs === undefined || candidate < w.toMs));
      if (!blocking) return candidate;
      candidate = Math.floor((blocking.fromMs - 1) / this.transmitMs) * this.transmitMs;
    }
    return undefined;
  }

  /** What the channel document shows at `nowMs`: the reading of the last upload. */
  snapshot(number: string, nowMs: number): ChannelSnapshot | undefined {
    const channel = this.channel(number);
    const atMs = this.lastTransmitAt(nowMs);
    if (!channel || atMs === undefined) return undefined;
    const recorded = this.recordingInstantAtOrBefore(atMs);
    const value = this.measuredAt(channel, recorded);
    const { min, max } = this.extremesUpTo(channel, atMs);
    return { channel, atMs, value, connected: value !== null, minimum: min, maximum: max };
  }

  /** Every recorded point in [fromMs, toMs]: what the device really measured. */
  groundTruth(number: string, fromMs: number, toMs: number): RecordedPoint[] {
    const channel = this.channel(number);
    if (!channel) return [];
    const points: RecordedPoint[] = [];
    for (let ms = Math.ceil(fromMs / this.recordMs) * this.recordMs; ms <= toMs; ms += this.recordMs) {
      points.push({ at: new Date(ms), value: this.measuredAt(channel, ms), units: channel.units });
    }
    return points;
  }

  /** Upload instants in [fromMs, toMs]: when a new reading became visible. */
  transmissions(fromMs: number, toMs: number): Date[] {
    const out: Date[] = [];
    for (let ms = Math.ceil(fromMs / this.transmitMs) * this.transmitMs; ms <= toMs; ms += this.transmitMs) {
      if (this.isOnlineAt(ms)) out.push(new Date(ms));
    }
    return out;
  }

  /** Archive windows already uploaded by `nowMs`, newest first. */
  archiveWindows(nowMs: number): ArchiveWindow[] {
    const spec = this.device.archives;
    const uploaded = this.lastTransmitAt(nowMs);
    if (!spec || uploaded === undefined) return [];
    const everyMs = spec.everySeconds * 1000;
    const oldest = this.simStartMs - spec.historySeconds * 1000;
    const out: ArchiveWindow[] = [];
    for (let end = Math.floor(uploaded / everyMs) * everyMs; end - everyMs >= oldest && out.length < 5000; end -= everyMs) {
      out.push({ id: `arch-${Math.floor((end - everyMs) / 1000)}`, startMs: end - everyMs, endMs: end });
    }
    return out;
  }

  /** Running min/max over the session, computed incrementally (recording instants, probe plugged in). */
  private extremesUpTo(channel: ScenarioChannel, uptoMs: number): { min?: Extreme; max?: Extreme } {
    let state = this.extremes.get(channel.number);
    if (!state || state.upToMs > uptoMs) {
      state = { upToMs: Math.ceil(this.sessionStartMs / this.recordMs) * this.recordMs - this.recordMs };
      this.extremes.set(channel.number, state);
    }
    for (let ms = state.upToMs + this.recordMs; ms <= uptoMs; ms += this.recordMs) {
      const v = this.measuredAt(channel, ms);
      state.upToMs = ms;
      if (v === null) continue;
      if (!state.min || v < state.min.value) state.min = { value: v, atMs: ms };
      if (!state.max || v > state.max.value) state.max = { value: v, atMs: ms };
    }
    return { min: state.min, max: state.max };
  }
}

/** Open a period at `atMs` (active) or close the open one (inactive). */
function setState(windows: Window[], active: boolean, atMs: number): void {
  const open = windows.find((w) => w.toMs === undefined || w.toMs > atMs);
  const current = open !== undefined && atMs >= open.fromMs;
  if (active && !current) windows.push({ fromMs: atMs });
  if (!active && current && open) open.toMs = atMs;
}
