/**
 * Cook temperatures for simulated devices come from shared/cook/physics (the real model, owned by the cook
 * module); the simulator only maps its scenario onto the model's and keeps its placeholder curve for what
 * the model does not cover (a fourth meat probe, `model: 'placeholder'`).
 */
import { createCookSimulation, type CookScenario, type CookSimulation } from '../../cook/physics';
import { placeholderCookCurve, type CookCurve } from './cook-curve';
import type { ScenarioCook } from './scenario';

/** The physics model simulates 1…3 meat probes. */
const MAX_PHYSICS_PROBES = 3;

export function physicsCookCurve(cook: ScenarioCook, seed: number): CookCurve {
  const fallback = placeholderCookCurve(cook);
  if (cook.model === 'placeholder') return fallback;
  const scenario: CookScenario = {
    seed,
    meat: cook.meat,
    pitSetpointF: cook.pitTargetF,
    initialMeatF: cook.meatStartF,
    ambientF: cook.ambientF,
    probes: Math.min(MAX_PHYSICS_PROBES, Math.max(1, cook.meats)),
    ...(cook.stallStrength !== undefined ? { stallStrength: cook.stallStrength } : {}),
    ...(cook.wrapAtF !== undefined ? { wrapAtF: cook.wrapAtF } : {}),
    ...(cook.lidOpenEveryMinutes !== undefined ? { lidOpenEveryMinutes: cook.lidOpenEveryMinutes } : {}),
    ...(cook.fuelHalfLifeHours !== undefined ? { fuelHalfLifeHours: cook.fuelHalfLifeHours } : {}),
    ...(cook.pullAtF !== undefined ? { pullAtF: cook.pullAtF } : {}),
  };
  // Built on first use: the model integrates the whole cook up front (tens of ms), which tests that only
  // exercise auth should not pay for.
  let built: CookSimulation | undefined;
  const model = () => (built ??= createCookSimulation(scenario));
  return {
    // The model's readings already carry sensor noise and 0.1 °F resolution.
    includesSensorNoise: true,
    sampleAt(elapsedSeconds) {
      if (elapsedSeconds <= 0) return fallback.sampleAt(elapsedSeconds);
      const s = model().sampleAt(elapsedSeconds);
      const extra = cook.meats > MAX_PHYSICS_PROBES ? fallback.sampleAt(elapsedSeconds).meatF.slice(MAX_PHYSICS_PROBES) : [];
      return { pitF: s.pitF, meatF: [...s.meatF.slice(0, cook.meats), ...extra], ambientF: s.ambientF, phase: s.phase };
    },
  };
}
