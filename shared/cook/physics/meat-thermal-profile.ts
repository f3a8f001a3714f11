import type { MeatKind } from '../meat-kind';

/**
 * How a cut heats, as a two-node lumped model (a thin surface layer and the core the probe sits in).
 * Figures are tuned so whole cooks take the times pitmasters report (brisket ~10–14 h at 250 °F with a multi-hour
 * stall, spatchcock-free whole chicken ~1.5–2 h at 325 °F, a thick steak ~1 h at 225 °F); they are not lab data.
 */
export interface MeatThermalProfile {
  /** Surface layer ↔ pit air convection time constant. */
  readonly surfaceTauSeconds: number;
  /** Core ↔ surface conduction time constant seen by the core (thickness² drives it). */
  readonly coreTauSeconds: number;
  /** Surface-layer thermal mass as a fraction of the core's: sets how fast the surface follows the core. */
  readonly surfaceMassFraction: number;
  /** Stall strength used when a scenario does not say: 1 = a typical multi-hour brisket stall. */
  readonly defaultStallStrength: number;
  /** How long evaporation can hold the surface at strength 1: bigger cuts have more water per unit area. */
  readonly stallHours: number;
}

const HOUR = 3600;

export const MEAT_THERMAL_PROFILES: Readonly<Record<MeatKind, MeatThermalProfile>> = {
  brisket: {
    surfaceTauSeconds: 0.8 * HOUR,
    coreTauSeconds: 1.1 * HOUR,
    surfaceMassFraction: 0.25,
    defaultStallStrength: 1,
    stallHours: 4,
  },
  'pork-butt': {
    surfaceTauSeconds: 0.85 * HOUR,
    coreTauSeconds: 1.2 * HOUR,
    surfaceMassFraction: 0.25,
    defaultStallStrength: 0.9,
    stallHours: 4,
  },
  ribs: {
    surfaceTauSeconds: 0.7 * HOUR,
    coreTauSeconds: 0.45 * HOUR,
    surfaceMassFraction: 0.35,
    defaultStallStrength: 0.45,
    stallHours: 2.5,
  },
  chicken: {
    surfaceTauSeconds: 0.3 * HOUR,
    coreTauSeconds: 1.1 * HOUR,
    surfaceMassFraction: 0.3,
    defaultStallStrength: 0,
    stallHours: 0.5,
  },
  turkey: {
    surfaceTauSeconds: 0.45 * HOUR,
    coreTauSeconds: 2.2 * HOUR,
    surfaceMassFraction: 0.25,
    defaultStallStrength: 0.1,
    stallHours: 1,
  },
  steak: {
    surfaceTauSeconds: 0.25 * HOUR,
    coreTauSeconds: 0.55 * HOUR,
    surfaceMassFraction: 0.35,
    defaultStallStrength: 0,
    stallHours: 0.3,
  },
  salmon: {
    surfaceTauSeconds: 0.2 * HOUR,
    coreTauSeconds: 0.4 * HOUR,
    surfaceMassFraction: 0.35,
    defaultStallStrength: 0,
    stallHours: 0.3,
  },
};
