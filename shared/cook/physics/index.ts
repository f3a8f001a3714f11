/**
 * Deterministic cook physics for simulators, tests and the prediction bench. The model is described at the top of
 * cook-simulation.ts (pit: pit-model.ts; meat and the stall: meat-model.ts; cut figures: meat-thermal-profile.ts).
 * Everything is °F; convert at the edges with ../units.ts (fToC, cToF).
 */
export { createCookSimulation, SIMULATION_STEP_SECONDS } from './cook-simulation';
export type {
  CookEvent,
  CookEventKind,
  CookGroundTruth,
  CookPhase,
  CookSample,
  CookScenario,
  CookSimulation,
} from './cook-scenario';
export { MEAT_THERMAL_PROFILES, type MeatThermalProfile } from './meat-thermal-profile';
export { createSeededRandom, keyedNormal, type SeededRandom } from './seeded-random';
export type { MeatKind } from '../meat-kind';
