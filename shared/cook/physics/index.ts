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
