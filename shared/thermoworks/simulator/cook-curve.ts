/**
 * Temperatures of a cook over time. The real model is shared/cook/physics (see cook-physics-adapter.ts); this
 * PLACEHOLDER curve (pit warm-up and fire cycling, meat rising with a stall) only covers what that model does
 * not: a fourth meat probe, the time before the cook, and `model: 'placeholder'` scenarios.
 */
import type { ScenarioCook } from './scenario';

export interface CookSample {
  pitF: number;
  meatF: number[];
  ambientF: number;
  phase: string;
}

export interface CookCurve {
  /** True when samples already carry sensor noise and resolution (the simulator then adds none). */
  includesSensorNoise?: boolean;
  /** Seconds since the fire was lit; negative means before the cook (everything at ambient). */
  sampleAt(elapsedSeconds: number): CookSample;
}

const STEP_SECONDS = 15;

export function placeholderCookCurve(cook: ScenarioCook): CookCurve {
  const { ambientF, pitTargetF, meatStartF, meats, meatTimeConstantHours } = cook;
  const pitAt = (t: number) => {
    const warm = ambientF + (pitTargetF - ambientF) * (1 - Math.exp(-t / 900));
    const settled = Math.min(1, t / 1800);
    // Fire cycling: a slow swing and a faster flicker, as a pellet or kamado controller shows.
    return warm + settled * (6 * Math.sin((2 * Math.PI * t) / 1500) + 2.5 * Math.sin((2 * Math.PI * t) / 340 + 1));
  };
  // Meat follows the pit with a first-order lag; evaporative cooling around 150-170 °F makes the stall.
  const meatSeries: number[][] = Array.from({ length: meats }, (_, i) => [meatStartF + 2 * i]);
  const extend = (until: number) => {
    for (let i = 0; i < meats; i++) {
      const series = meatSeries[i] as number[];
      const rate = 1 / (3600 * meatTimeConstantHours * (1 + 0.15 * i));
      while ((series.length - 1) * STEP_SECONDS < until) {
        const t = (series.length - 1) * STEP_SECONDS;
        const T = series[series.length - 1] as number;
        const stall = 0.8 * Math.exp(-(((T - 162) / 10) ** 2));
        series.push(T + STEP_SECONDS * rate * (pitAt(t) - T) * (1 - stall));
      }
    }
  };
  return {
    sampleAt(elapsedSeconds) {
      if (elapsedSeconds <= 0) return { pitF: ambientF, meatF: Array.from({ length: meats }, () => ambientF), ambientF, phase: 'idle' };
      extend(elapsedSeconds + STEP_SECONDS);
      const k = elapsedSeconds / STEP_SECONDS;
      const lo = Math.floor(k);
      const meatF = meatSeries.map((s) => {
        const a = s[lo] as number;
        const b = (s[lo + 1] ?? a) as number;
        return a + (b - a) * (k - lo);
      });
      const lead = meatF[0] ?? ambientF;
      const phase = elapsedSeconds < 1800 ? 'preheat' : lead >= 203 ? 'done' : lead >= 150 && lead <= 172 ? 'stall' : 'cooking';
      return { pitF: pitAt(elapsedSeconds), meatF, ambientF, phase };
    },
  };
}
