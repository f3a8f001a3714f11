/**
 * Everything the simulated ThermoWorks Cloud knows: the scenario, simulated time, identity, and one timeline
 * per device. The HTTP routes read from it; the admin API and tests poke it.
 *
 * Two clocks: `time` is the simulated world's (device readings, document timestamps, last sign-in), `clock` the
 * real one (id-token expiry and sign-in lockout, as a real identity service keeps them; an accelerated demo would
 * otherwise expire tokens every minute). Without --time-scale they are the same.
 */
import type { Clock } from '../../clock';
import type { CookCurve } from './cook-curve';
import { physicsCookCurve } from './cook-physics-adapter';
import { DeviceTimeline, type RecordedPoint } from './device-timeline';
import type { DeviceState } from './documents';
import { FaultInjector } from './faults';
import { IdentityService } from './identity';
import type { Scenario, ScenarioAccount, ScenarioCook } from './scenario';
import { noiseAt, seededRandom } from './seeded-random';

export type CookCurveFactory = (cook: ScenarioCook, seed: number) => CookCurve;

export interface WorldOptions {
  scenario: Scenario;
  /** Real time: token expiry, lockouts. */
  clock: Clock;
  /** The simulated world's time: device timelines start at its now. */
  time: Clock;
  seed: number;
  cookCurve?: CookCurveFactory;
}

export class SimulatorWorld {
  readonly scenario: Scenario;
  readonly time: Clock;
  /** Simulated time when the world began. */
  readonly startMs: number;
  readonly identity: IdentityService;
  readonly faults: FaultInjector;
  /** Which history-function calls answer 500 (its own stream: other requests do not shift it). */
  readonly historyFunctionRandom: () => number;
  readonly seed: number;
  private readonly timelines = new Map<string, DeviceTimeline>();
  private readonly owners = new Map<string, ScenarioAccount>();

  constructor(options: WorldOptions) {
    const { scenario, clock, seed } = options;
    this.scenario = scenario;
    this.seed = seed;
    this.time = options.time;
    const startMs = options.time.now().getTime();
    this.startMs = startMs;
    // Separate streams so adding a token request does not shift which request gets an injected error.
    this.identity = new IdentityService(scenario, clock, options.time, seededRandom(seed ^ 0x1d));
    this.faults = new FaultInjector(seededRandom(seed ^ 0xfa));
    this.historyFunctionRandom = seededRandom(seed ^ 0x4f);
    const curve = options.cookCurve ?? physicsCookCurve;
    for (const account of scenario.accounts) {
      if (Object.keys(account.faults).length > 0) this.faults.set(account.email, account.faults);
      for (const device of account.devices) {
        // Each device's cook gets its own seed, so two smokers in one scenario do not move in lockstep.
        const cook = device.cook ? curve(device.cook, Math.floor((noiseAt(seed, device.serial, 'cook') + 1) * 2 ** 30)) : undefined;
        this.timelines.set(device.serial, new DeviceTimeline(device, account.accountId, startMs, seed, cook));
        this.owners.set(device.serial, account);
      }
    }
    if (Object.keys(scenario.faults).length > 0) this.faults.set('*', scenario.faults);
  }

  nowMs(): number {
    return this.time.now().getTime();
  }

  timeline(serial: string): DeviceTimeline | undefined {
    return this.timelines.get(serial);
  }

  /** Lookup must be exact: serials are opaque (a lower-case variant is a different document). */
  requireTimeline(serial: string): DeviceTimeline {
    const timeline = this.timelines.get(serial);
    if (!timeline) throw new Error(`No simulated device ${serial}`);
    return timeline;
  }

  ownerOf(serial: string): ScenarioAccount | undefined {
    return this.owners.get(serial);
  }

  devicesOf(accountId: string): DeviceTimeline[] {
    return [...this.timelines.values()].filter((t) => t.accountId === accountId).sort((a, b) => (a.device.serial < b.device.serial ? -1 : 1));
  }

  deviceState(timeline: DeviceTimeline, nowMs: number): DeviceState {
    const d = timeline.device;
    const lastTransmitMs = timeline.lastTransmitAt(nowMs);
    const hours = Math.max(0, (nowMs - this.startMs) / 3_600_000);
    const archives = timeline.archiveWindows(nowMs);
    return {
      lastTransmitMs,
      online: timeline.isOnlineAt(nowMs),
      battery: Math.max(1, Math.round(d.battery - d.batteryDrainPerHour * hours)),
      // Signal strength wanders a few dB between uploads.
      wifiDbm: Math.round(d.wifiDbm + 3 * noiseAt(this.seed, d.serial, 'wifi', lastTransmitMs ?? 0)),
      lastArchiveMs: archives[0]?.endMs,
    };
  }

  groundTruth(serial: string, channel: string, from: Date, to: Date): RecordedPoint[] {
    return this.requireTimeline(serial).groundTruth(channel, from.getTime(), to.getTime());
  }
}
