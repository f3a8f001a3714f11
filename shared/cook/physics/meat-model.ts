import type { MeatThermalProfile } from './meat-thermal-profile';

/**
 * One meat probe's piece of meat: surface + core temperatures and the surface water left to evaporate.
 *
 * Surface: dTs/dt = (Tpit − Ts)/τs − (Ts − Tc)·(1/τc)/f − E
 * Core:    dTc/dt = (Ts − Tc)/τc
 * E is evaporative cooling: it grows ~exponentially with surface temperature (vapour pressure, Clausius–Clapeyron)
 * and with the water still on the surface, so once the surface nears the pit's wet-bulb temperature (~150–170 °F for
 * a 225–275 °F pit) evaporation eats the convective heat and the surface — then the core — plateaus: the stall.
 * The water depletes as it evaporates, the plateau creeps up and breaks. Water keeps wicking out through the
 * drying bark afterwards, so an unwrapped cut still loses a share of its heat gain to evaporation once its surface is
 * past the wet bulb: post-stall heating is slower than pre-stall heating, as real logs show. Wrapping traps the
 * vapour (E ≈ 0).
 */
export interface MeatState {
  surfaceF: number;
  coreF: number;
  /** Surface water still available, in units of a typical brisket's (1 = strength-1 stall). */
  moisture: number;
  /** Share of the convective heat gain that water wicking through the bark evaporates once the surface is dry. */
  barkEvaporationShare: number;
}

export interface MeatEnvironment {
  /** Temperature of the air around the meat: the pit's, or the kitchen's while resting. */
  airF: number;
  wrapped: boolean;
  resting: boolean;
}

/** Surface temperature at which a fully wet strength-1 surface balances a 90 °F convective drive. */
const WET_BULB_F = 160;
/** °F of surface rise that multiplies evaporation by e. */
const EVAPORATION_SCALE_F = 4;
const BALANCE_DRIVE_F = 90;
/** Foil or butcher paper keeps the vapour in: the air at the surface nears saturation, its wet bulb nears the meat's. */
const WRAPPED_WET_BULB_SHIFT_F = 80;
/** Wrapping adds a little insulation. */
const WRAPPED_CONVECTION_FACTOR = 1.05;
/** Bark evaporation share per unit of stall strength, and its ceiling. */
const BARK_SHARE_PER_STRENGTH = 0.35;
const MAX_BARK_SHARE = 0.5;

export function initialMeatState(temperatureF: number, stallStrength: number): MeatState {
  return {
    surfaceF: temperatureF,
    coreF: temperatureF,
    moisture: stallStrength,
    barkEvaporationShare: Math.min(MAX_BARK_SHARE, BARK_SHARE_PER_STRENGTH * stallStrength),
  };
}

/** A resting cut sits in still kitchen air, often tented: far weaker exchange than a pit's moving hot air. */
const RESTING_CONVECTION_FACTOR = 5;

export function evaporativeCoolingRate(state: MeatState, profile: MeatThermalProfile, wrapped: boolean): number {
  if (state.moisture <= 0) return 0;
  const base = (BALANCE_DRIVE_F / profile.surfaceTauSeconds) * state.moisture;
  // Cap the exponent: beyond the plateau the water is the limit, not the vapour pressure.
  const wetBulbF = WET_BULB_F + (wrapped ? WRAPPED_WET_BULB_SHIFT_F : 0);
  const exponent = Math.min((state.surfaceF - wetBulbF) / EVAPORATION_SCALE_F, 12);
  return base * Math.exp(exponent);
}

/** Advances one explicit-Euler step (dt of a few seconds is far below every time constant here). */
export function stepMeat(
  state: MeatState,
  profile: MeatThermalProfile,
  environment: MeatEnvironment,
  dtSeconds: number,
): MeatState {
  const convectionTau =
    profile.surfaceTauSeconds *
    (environment.resting ? RESTING_CONVECTION_FACTOR : 1) *
    (environment.wrapped ? WRAPPED_CONVECTION_FACTOR : 1);
  const conduction = (state.surfaceF - state.coreF) / profile.coreTauSeconds;
  const evaporation = environment.resting ? 0 : evaporativeCoolingRate(state, profile, environment.wrapped);
  const convection = (environment.airF - state.surfaceF) / convectionTau;
  // Wicking only matters once the surface is past the wet bulb (logistic over the same scale as evaporation).
  const wicking =
    environment.resting || environment.wrapped
      ? 0
      : state.barkEvaporationShare * Math.max(0, convection) / (1 + Math.exp(-(state.surfaceF - WET_BULB_F) / EVAPORATION_SCALE_F));
  const dSurface = convection - wicking - conduction / profile.surfaceMassFraction - evaporation;
  // Water used per °F·s of cooling, scaled so a strength-1 reservoir lasts `stallHours` against the balance drive.
  const waterPerCooling = profile.surfaceTauSeconds / (BALANCE_DRIVE_F * profile.stallHours * 3600);
  return {
    surfaceF: state.surfaceF + dSurface * dtSeconds,
    coreF: state.coreF + conduction * dtSeconds,
    moisture: Math.max(0, state.moisture - evaporation * waterPerCooling * dtSeconds),
    barkEvaporationShare: state.barkEvaporationShare,
  };
}
