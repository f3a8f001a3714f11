/**
 * Deterministic cook simulation (°F throughout).
 *
 * Model, in one paragraph: a PI-controlled fire heats the pit air (pit-model.ts) — lid openings dump heat, fuel
 * decays; each meat probe sits in its own two-node cut (meat-model.ts): surface and core, Newton heating toward the
 * pit air, plus evaporative cooling of the wet surface that pins it near the pit's wet-bulb temperature and yields
 * the stall (plateau around 150–170 °F for big cuts, hours long, creeping up as the surface dries, ended early by a
 * wrap); water wicking out through the bark keeps an unwrapped cut heating slower after the stall than before it,
 * as real logs show. After the pull the cut rests in kitchen air: carry-over rise from the hot surface, then slow cooling.
 * Probes differ in thickness (time constants) and depth (how much surface they feel). Sensors add small seeded
 * Gaussian noise and 0.1 °F resolution.
 *
 * Integration is explicit Euler at a fixed 5 s step, cached, so increasing-time sampling costs O(1) amortised and
 * random access is allowed; sensor noise is a pure function of (seed, channel, time) so samples do not depend on
 * the order they are asked in. Ground truth (stall, fuel-low, reach times) is read off the noise-free state.
 */
import { MEAT_THERMAL_PROFILES, type MeatThermalProfile } from './meat-thermal-profile';
import { evaporativeCoolingRate, initialMeatState, stepMeat, type MeatState } from './meat-model';
import { PIT_FULL_FIRE_RISE_F, steadyPitState, stepPit, type PitState } from './pit-model';
import { createLidSchedule } from './lid-schedule';
import { createSeededRandom, keyedNormal } from './seeded-random';
import { findStallInterval } from './stall-truth';
import type { CookEvent, CookPhase, CookScenario, CookSimulation } from './cook-scenario';

export const SIMULATION_STEP_SECONDS = 5;
/** Ground truth is settled over this horizon (or until two hours after the pull). */
const TRUTH_HORIZON_SECONDS = 40 * 3600;
const REACH_HORIZON_SECONDS = 72 * 3600;
const MEAT_NOISE_F = 0.15;
const PIT_NOISE_F = 0.8;

interface ProbeGeometry {
  profile: MeatThermalProfile;
  /** 0 = probe tip at the thermal centre, up to ~0.15 = closer to the surface. */
  depthOffset: number;
}

interface Trace {
  pitAirF: number[];
  lidOpen: boolean[];
  /** Noise-free probe readings, per probe then per step. */
  probeF: number[][];
  /** Share of probe 0's surface heat gain eaten by evaporation. */
  evaporationShare: number[];
  wrapped: boolean[];
  resting: boolean[];
}

export function createCookSimulation(input: CookScenario): CookSimulation {
  const scenario = validateScenario(input);
  const base = MEAT_THERMAL_PROFILES[scenario.meat];
  const stallStrength = scenario.stallStrength ?? base.defaultStallStrength;
  const geometryRandom = createSeededRandom(scenario.seed ^ 0x5bd1e995);
  const probes: ProbeGeometry[] = Array.from({ length: scenario.probes }, (_, i) => {
    if (i === 0) return { profile: base, depthOffset: 0 };
    const thickness = 1 + (geometryRandom.next() - 0.5) * 0.24;
    return {
      profile: {
        ...base,
        surfaceTauSeconds: base.surfaceTauSeconds * thickness,
        coreTauSeconds: base.coreTauSeconds * thickness * thickness,
      },
      depthOffset: geometryRandom.next() * 0.15,
    };
  });
  const lid = createLidSchedule(scenario.seed, scenario.lidOpenEveryMinutes);
  const turbulence = createSeededRandom(scenario.seed);

  const trace: Trace = {
    pitAirF: [],
    lidOpen: [],
    probeF: probes.map(() => []),
    evaporationShare: [],
    wrapped: [],
    resting: [],
  };
  let pit: PitState = steadyPitState(scenario.pitSetpointF, scenario.ambientF);
  let meat: MeatState[] = probes.map(() => initialMeatState(scenario.initialMeatF, stallStrength));
  let wrapped = false;
  let resting = false;
  const events: CookEvent[] = [];
  let fuelLowSeconds: number | undefined;
  let wrapSeconds: number | undefined;
  let pullSeconds: number | undefined;

  const reading = (state: MeatState, geometry: ProbeGeometry): number =>
    state.coreF + geometry.depthOffset * (state.surfaceF - state.coreF);

  const record = (): void => {
    trace.pitAirF.push(pit.airF);
    trace.lidOpen.push(lid.isOpen(t()));
    meat.forEach((state, i) => trace.probeF[i]?.push(reading(state, probes[i] as ProbeGeometry)));
    const first = meat[0] as MeatState;
    const gain = Math.max(1e-9, (pit.airF - first.surfaceF) / base.surfaceTauSeconds);
    trace.evaporationShare.push(resting ? 0 : evaporativeCoolingRate(first, base, wrapped) / gain);
    trace.wrapped.push(wrapped);
    trace.resting.push(resting);
  };
  // Time of the entry about to be recorded.
  const t = (): number => trace.pitAirF.length * SIMULATION_STEP_SECONDS;
  const fuelAt = (seconds: number): number =>
    scenario.fuelHalfLifeHours === undefined ? 1 : Math.pow(0.5, seconds / (scenario.fuelHalfLifeHours * 3600));

  const integrateTo = (stepIndex: number): void => {
    if (trace.pitAirF.length === 0) record();
    while (trace.pitAirF.length <= stepIndex) {
      const now = (trace.pitAirF.length - 1) * SIMULATION_STEP_SECONDS;
      const dt = SIMULATION_STEP_SECONDS;
      const fuel = fuelAt(now);
      if (fuelLowSeconds === undefined && fuel * PIT_FULL_FIRE_RISE_F < scenario.pitSetpointF - scenario.ambientF) {
        fuelLowSeconds = now;
        events.push({ atSeconds: now, kind: 'fuel-low' });
      }
      pit = stepPit(
        pit,
        {
          setpointF: scenario.pitSetpointF,
          ambientF: scenario.ambientF,
          lidOpen: lid.isOpen(now),
          fuel,
          noise: turbulence.normal(),
        },
        dt,
      );
      const airF = resting ? scenario.ambientF : pit.airF;
      meat = meat.map((state, i) =>
        stepMeat(state, (probes[i] as ProbeGeometry).profile, { airF, wrapped, resting }, dt),
      );
      const leadF = reading(meat[0] as MeatState, probes[0] as ProbeGeometry);
      const after = now + dt;
      if (!wrapped && !resting && scenario.wrapAtF !== undefined && leadF >= scenario.wrapAtF) {
        wrapped = true;
        wrapSeconds = after;
        events.push({ atSeconds: after, kind: 'wrap' });
      }
      if (!resting && scenario.pullAtF !== undefined && leadF >= scenario.pullAtF) {
        resting = true;
        pullSeconds = after;
        events.push({ atSeconds: after, kind: 'pull' });
      }
      record();
    }
  };

  // Settle the ground truth up front: it needs the whole stall, and a cook is only a few thousand steps.
  integrateTo(Math.ceil(TRUTH_HORIZON_SECONDS / SIMULATION_STEP_SECONDS));
  const stall = findStallInterval({
    stepSeconds: SIMULATION_STEP_SECONDS,
    leadProbeF: trace.probeF[0] as number[],
    evaporationShare: trace.evaporationShare,
    resting: trace.resting,
  });
  if (stall) {
    events.push({ atSeconds: stall.startSeconds, kind: 'stall-start' });
    events.push({ atSeconds: stall.endSeconds, kind: 'stall-end' });
  }
  const lidEvents = lid.openingsBetween(0, REACH_HORIZON_SECONDS).flatMap((o): CookEvent[] => [
    { atSeconds: o.startSeconds, kind: 'lid-open' },
    { atSeconds: o.endSeconds, kind: 'lid-closed' },
  ]);
  const allEvents = [...events, ...lidEvents].sort((a, b) => a.atSeconds - b.atSeconds);

  const phaseAt = (seconds: number, stepIndex: number): CookPhase => {
    if (trace.resting[stepIndex]) return 'rest';
    if (stall && seconds >= stall.startSeconds) return seconds < stall.endSeconds ? 'stall' : 'post_stall';
    return 'heating';
  };

  const interpolate = (series: number[], seconds: number): number => {
    const position = seconds / SIMULATION_STEP_SECONDS;
    const i = Math.floor(position);
    integrateTo(i + 1);
    const a = series[i] as number;
    const b = series[i + 1] as number;
    return a + (b - a) * (position - i);
  };

  const noisy = (value: number, sigma: number, channel: number, seconds: number): number =>
    Math.round((value + sigma * keyedNormal(scenario.seed, channel, Math.round(seconds * 1000))) * 10) / 10;

  return {
    scenario,
    sampleAt(elapsedSeconds) {
      const seconds = Math.max(0, elapsedSeconds);
      const pitAir = interpolate(trace.pitAirF, seconds);
      const stepIndex = Math.floor(seconds / SIMULATION_STEP_SECONDS);
      return {
        elapsedSeconds: seconds,
        pitF: noisy(pitAir, PIT_NOISE_F, 0, seconds),
        meatF: trace.probeF.map((series, i) => noisy(interpolate(series, seconds), MEAT_NOISE_F, i + 1, seconds)),
        ambientF: scenario.ambientF,
        phase: phaseAt(seconds, stepIndex),
        lidOpen: lid.isOpen(seconds),
        events: allEvents.filter((e) => e.atSeconds <= seconds),
      };
    },
    eventsBetween(fromSeconds, toSeconds) {
      return allEvents.filter((e) => e.atSeconds > fromSeconds && e.atSeconds <= toSeconds);
    },
    groundTruth: {
      ...(stall ? { stallStartSeconds: stall.startSeconds, stallEndSeconds: stall.endSeconds } : {}),
      ...(fuelLowSeconds !== undefined ? { fuelLowSeconds } : {}),
      ...(wrapSeconds !== undefined ? { wrapSeconds } : {}),
      ...(pullSeconds !== undefined ? { pullSeconds } : {}),
      reachSeconds(targetF, probeIndex) {
        const series = trace.probeF[probeIndex];
        if (series === undefined) throw new RangeError(`no probe ${probeIndex} (scenario has ${scenario.probes})`);
        for (let i = 0; i * SIMULATION_STEP_SECONDS <= REACH_HORIZON_SECONDS; i += 1) {
          integrateTo(i + 1);
          const a = series[i] as number;
          const b = series[i + 1] as number;
          if (i === 0 && a >= targetF) return 0;
          if (b >= targetF && a < targetF) return (i + (targetF - a) / (b - a)) * SIMULATION_STEP_SECONDS;
          // After the pull the meat only cools once carry-over is spent: stop searching once it is falling.
          if (trace.resting[i] && b < a) return undefined;
        }
        return undefined;
      },
    },
  };
}

function validateScenario(s: CookScenario): CookScenario {
  if (!Number.isInteger(s.probes) || s.probes < 1 || s.probes > 3) throw new RangeError('probes must be 1..3');
  if (!(s.pitSetpointF > s.ambientF)) throw new RangeError('pitSetpointF must be above ambientF');
  if (s.pitSetpointF - s.ambientF > PIT_FULL_FIRE_RISE_F) throw new RangeError('pitSetpointF is beyond the fire');
  if (s.stallStrength !== undefined && !(s.stallStrength >= 0)) throw new RangeError('stallStrength must be ≥ 0');
  return s;
}
