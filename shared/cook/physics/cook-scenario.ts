import type { MeatKind } from '../meat-kind';

/** Everything that determines a simulated cook. Same scenario (seed included) → same cook, sample for sample. */
export interface CookScenario {
  seed: number;
  meat: MeatKind;
  pitSetpointF: number;
  initialMeatF: number;
  ambientF: number;
  /** Meat probes, 1..3; they differ slightly in thickness and position, as real probes in one cut do. */
  probes: number;
  /** 0 = no stall, 1 = a typical multi-hour brisket stall. Defaults to the cut's usual. */
  stallStrength?: number;
  /** Wrap (foil / butcher paper) when the first probe reaches this. */
  wrapAtF?: number;
  /** Open the lid roughly this often (±15 %), for 45–120 s. */
  lidOpenEveryMinutes?: number;
  /** Fuel halves every this many hours; the controller hides it until the fire cannot keep up. */
  fuelHalfLifeHours?: number;
  /** Take the meat off when the first probe reaches this: it then rests (carry-over, then cooling). */
  pullAtF?: number;
}

export type CookPhase = 'heating' | 'stall' | 'post_stall' | 'rest';

export type CookEventKind = 'lid-open' | 'lid-closed' | 'wrap' | 'pull' | 'stall-start' | 'stall-end' | 'fuel-low';

export interface CookEvent {
  atSeconds: number;
  kind: CookEventKind;
}

export interface CookSample {
  elapsedSeconds: number;
  /** Pit probe reading (with sensor noise, 0.1 °F resolution). */
  pitF: number;
  /** One reading per meat probe (with sensor noise, 0.1 °F resolution). */
  meatF: number[];
  ambientF: number;
  phase: CookPhase;
  lidOpen: boolean;
  /** Every event up to and including this instant, oldest first. */
  events: readonly CookEvent[];
}

export interface CookGroundTruth {
  /** When the first probe's rise stalled (evaporation eating most of the heat); absent when there is no stall. */
  stallStartSeconds?: number;
  stallEndSeconds?: number;
  /** When the fire could no longer hold the setpoint. */
  fuelLowSeconds?: number;
  wrapSeconds?: number;
  pullSeconds?: number;
  /** First time the probe's noise-free temperature reaches targetF, or undefined if it never does (within 72 h). */
  reachSeconds(targetF: number, probeIndex: number): number | undefined;
}

export interface CookSimulation {
  readonly scenario: CookScenario;
  sampleAt(elapsedSeconds: number): CookSample;
  /** Events with fromSeconds < atSeconds ≤ toSeconds: what a poller that last looked at fromSeconds missed. */
  eventsBetween(fromSeconds: number, toSeconds: number): CookEvent[];
  readonly groundTruth: CookGroundTruth;
}
