/**
 * The cooker: pit air heated by a fire whose output a PI fan controller (as on ThermoWorks Billows / pellet
 * grills) steers toward the setpoint. Air relaxes toward ambient + fire·range with the cooker's time constant;
 * an open lid swaps hot air for kitchen air fast, and the controller winds up meanwhile, so the pit overshoots a
 * little after the lid closes, as real ones do. Fuel decays exponentially: the controller hides it until full
 * fire no longer reaches the setpoint, then the pit drifts down (the "fuel running low" pattern).
 */
export interface PitState {
  airF: number;
  /** Fire output actually delivered, 0..1 of full (lags the controller's demand). */
  fire: number;
  /** Controller integral term, 0..1 (anti-windup clamped). */
  integral: number;
  /** Slow multiplicative turbulence of the fire (Ornstein–Uhlenbeck), ~N(0,1). */
  turbulence: number;
}

export interface PitInputs {
  setpointF: number;
  ambientF: number;
  lidOpen: boolean;
  /** Fuel left as a fraction of full, 0..1. */
  fuel: number;
  /** One standard-normal draw for the turbulence process. */
  noise: number;
}

/** Air temperature rise above ambient at full fire and full fuel. */
export const PIT_FULL_FIRE_RISE_F = 420;
const AIR_TAU_SECONDS = 300;
const LID_OPEN_TAU_SECONDS = 150;
const FIRE_TAU_SECONDS = 120;
const TURBULENCE_TAU_SECONDS = 400;
const TURBULENCE_AMPLITUDE = 0.05;
/** Full fire when 40 °F below setpoint. */
const PROPORTIONAL_GAIN = 1 / 40;
const INTEGRAL_TIME_SECONDS = 900;

export function steadyPitState(setpointF: number, ambientF: number): PitState {
  const demand = clamp01((setpointF - ambientF) / PIT_FULL_FIRE_RISE_F);
  return { airF: setpointF, fire: demand, integral: demand, turbulence: 0 };
}

export function stepPit(state: PitState, inputs: PitInputs, dtSeconds: number): PitState {
  const error = inputs.setpointF - state.airF;
  const integral = clamp01(state.integral + (PROPORTIONAL_GAIN * error * dtSeconds) / INTEGRAL_TIME_SECONDS);
  const demand = clamp01(PROPORTIONAL_GAIN * error + integral);
  const fire = state.fire + ((demand - state.fire) * dtSeconds) / FIRE_TAU_SECONDS;
  const turbulence =
    state.turbulence -
    (state.turbulence * dtSeconds) / TURBULENCE_TAU_SECONDS +
    Math.sqrt((2 * dtSeconds) / TURBULENCE_TAU_SECONDS) * inputs.noise;
  const heat = fire * inputs.fuel * (1 + TURBULENCE_AMPLITUDE * turbulence) * PIT_FULL_FIRE_RISE_F;
  let dAir = (inputs.ambientF + heat - state.airF) / AIR_TAU_SECONDS;
  if (inputs.lidOpen) dAir += (inputs.ambientF - state.airF) / LID_OPEN_TAU_SECONDS;
  return { airF: state.airF + dAir * dtSeconds, fire, integral, turbulence };
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
