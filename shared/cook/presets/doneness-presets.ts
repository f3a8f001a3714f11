import type { MeatKind } from '../meat-kind';
import { deltaFToC, fToC, type TemperatureUnit } from '../units';

/**
 * The doneness table: what to aim for, per cut and doneness, beside the USDA safe minimum internal temperature
 * (FSIS "Safe Minimum Internal Temperature Chart": whole cuts of beef, pork, lamb and veal 145 °F with a 3-minute
 * rest; ground meats 160 °F; all poultry 165 °F; fish 145 °F). Pitmaster targets are common practice, not food-safety
 * advice: some sit below the USDA figure (a rare steak, medium-rare salmon) and say so with `belowUsdaMinimum`.
 * Collagen-rich cuts (brisket, pork shoulder, ribs) are safe far earlier but only tender near 195–205 °F.
 * Carry-over: the hot outer layer keeps pushing heat inward after the pull — a few °F for thin cuts, more for
 * thick roasts cooked hot — so `pullAtF` sits below `targetF` by the expected carry-over.
 * Stored in °F (the cook domain's unit); `presetInUnit` gives the °C view.
 */
export type Doneness = 'rare' | 'medium-rare' | 'medium' | 'medium-well' | 'well-done';

export interface DonenessPreset {
  readonly id: string;
  readonly meat: MeatKind;
  readonly label: string;
  readonly doneness?: Doneness;
  readonly usdaSafeMinimumF: number;
  /** USDA's rest at that temperature (whole cuts of red meat and pork: 3 minutes). */
  readonly usdaRestMinutes: number;
  /** The temperature the cook is aiming for once rested. */
  readonly targetF: number;
  /** Acceptable range around the target (e.g. "probe-tender anywhere from 200 to 205"). */
  readonly targetRangeF: readonly [number, number];
  /** Take it off the heat here; carry-over does the rest. */
  readonly pullAtF: number;
  readonly carryOverF: readonly [number, number];
  readonly restMinutes: readonly [number, number];
  readonly guidance: string;
}

const WHOLE_CUT_MINIMUM_F = 145;
const POULTRY_MINIMUM_F = 165;
const FISH_MINIMUM_F = 145;
const USDA_REST_MINUTES = 3;

function steak(doneness: Doneness, label: string, targetF: number): DonenessPreset {
  return {
    id: `steak-${doneness}`,
    meat: 'steak',
    label: `Steak — ${label}`,
    doneness,
    usdaSafeMinimumF: WHOLE_CUT_MINIMUM_F,
    usdaRestMinutes: USDA_REST_MINUTES,
    targetF,
    targetRangeF: [targetF - 3, targetF + 3],
    pullAtF: targetF - 5,
    carryOverF: [3, 7],
    restMinutes: [5, 10],
    guidance: 'Reverse sear: smoke to the pull temperature, sear hard for a minute a side, rest 5–10 min.',
  };
}

export const DONENESS_PRESETS: readonly DonenessPreset[] = [
  {
    id: 'brisket',
    meat: 'brisket',
    label: 'Brisket (packer, sliced)',
    usdaSafeMinimumF: WHOLE_CUT_MINIMUM_F,
    usdaRestMinutes: USDA_REST_MINUTES,
    targetF: 203,
    targetRangeF: [198, 205],
    pullAtF: 200,
    carryOverF: [2, 5],
    restMinutes: [60, 240],
    guidance:
      'Done when probe-tender (no resistance) around 200–205 °F. Expect a 150–170 °F stall for hours; wrapping in butcher paper or foil shortens it. Rest wrapped, in a dry cooler, at least an hour.',
  },
  {
    id: 'pork-butt',
    meat: 'pork-butt',
    label: 'Pork butt / shoulder (pulled)',
    usdaSafeMinimumF: WHOLE_CUT_MINIMUM_F,
    usdaRestMinutes: USDA_REST_MINUTES,
    targetF: 200,
    targetRangeF: [195, 205],
    pullAtF: 198,
    carryOverF: [2, 5],
    restMinutes: [30, 120],
    guidance: 'Pulls cleanly from 195–205 °F; the bone wiggles free. Stalls like brisket. Rest wrapped before pulling.',
  },
  {
    id: 'ribs',
    meat: 'ribs',
    label: 'Pork ribs (spare / baby back)',
    usdaSafeMinimumF: WHOLE_CUT_MINIMUM_F,
    usdaRestMinutes: USDA_REST_MINUTES,
    targetF: 198,
    targetRangeF: [195, 203],
    pullAtF: 196,
    carryOverF: [1, 3],
    restMinutes: [10, 15],
    guidance: 'Thin meat between bones reads unevenly: confirm with the bend test (the rack cracks on the surface).',
  },
  {
    id: 'chicken',
    meat: 'chicken',
    label: 'Chicken (whole / breast)',
    usdaSafeMinimumF: POULTRY_MINIMUM_F,
    usdaRestMinutes: 0,
    targetF: 165,
    targetRangeF: [162, 167],
    pullAtF: 162,
    carryOverF: [3, 5],
    restMinutes: [10, 15],
    guidance: 'Probe the thickest part of the breast, off the bone. Cook hot (325 °F+) for crisp skin.',
  },
  {
    id: 'chicken-thigh',
    meat: 'chicken',
    label: 'Chicken thighs / legs',
    usdaSafeMinimumF: POULTRY_MINIMUM_F,
    usdaRestMinutes: 0,
    targetF: 180,
    targetRangeF: [175, 190],
    pullAtF: 178,
    carryOverF: [2, 4],
    restMinutes: [5, 10],
    guidance: 'Dark meat is safe at 165 °F but its connective tissue renders and it is juicier at 175–190 °F.',
  },
  {
    id: 'turkey',
    meat: 'turkey',
    label: 'Turkey (breast)',
    usdaSafeMinimumF: POULTRY_MINIMUM_F,
    usdaRestMinutes: 0,
    targetF: 165,
    targetRangeF: [160, 167],
    pullAtF: 160,
    carryOverF: [5, 10],
    restMinutes: [20, 40],
    guidance:
      'Probe the deepest part of the breast; thighs should read 175 °F+. A big bird carries over 5–10 °F: pull at 160 °F and rest tented to reach 165 °F.',
  },
  steak('rare', 'rare', 125),
  steak('medium-rare', 'medium-rare', 135),
  steak('medium', 'medium', 145),
  steak('medium-well', 'medium-well', 150),
  steak('well-done', 'well-done', 160),
  {
    id: 'salmon',
    meat: 'salmon',
    label: 'Salmon',
    usdaSafeMinimumF: FISH_MINIMUM_F,
    usdaRestMinutes: 0,
    targetF: 130,
    targetRangeF: [125, 135],
    pullAtF: 128,
    carryOverF: [1, 3],
    restMinutes: [3, 5],
    guidance:
      'Flakes and stays moist around 125–135 °F; USDA says 145 °F (choose the "salmon-usda" preset for that). Hot-smoked salmon is usually taken to 140–145 °F.',
  },
  {
    id: 'salmon-usda',
    meat: 'salmon',
    label: 'Salmon (USDA 145 °F)',
    usdaSafeMinimumF: FISH_MINIMUM_F,
    usdaRestMinutes: 0,
    targetF: 145,
    targetRangeF: [145, 148],
    pullAtF: 143,
    carryOverF: [1, 3],
    restMinutes: [3, 5],
    guidance: 'Opaque and flaking throughout.',
  },
];

export function findDonenessPreset(id: string): DonenessPreset | undefined {
  return DONENESS_PRESETS.find((p) => p.id === id);
}

export function presetsForMeat(meat: MeatKind): DonenessPreset[] {
  return DONENESS_PRESETS.filter((p) => p.meat === meat);
}

/** A preset whose target is below the USDA figure: the app should say so next to it. */
export function isBelowUsdaMinimum(preset: DonenessPreset): boolean {
  return preset.targetF < preset.usdaSafeMinimumF;
}

/** The same preset with every temperature in `unit`, rounded to whole degrees as a cook would read them. */
export interface DonenessPresetView extends Omit<DonenessPreset, 'usdaSafeMinimumF' | 'targetF' | 'targetRangeF' | 'pullAtF' | 'carryOverF'> {
  readonly unit: TemperatureUnit;
  readonly usdaSafeMinimum: number;
  readonly target: number;
  readonly targetRange: readonly [number, number];
  readonly pullAt: number;
  readonly carryOver: readonly [number, number];
  readonly belowUsdaMinimum: boolean;
}

export function presetInUnit(preset: DonenessPreset, unit: TemperatureUnit): DonenessPresetView {
  const temperature = (f: number): number => Math.round(unit === 'F' ? f : fToC(f));
  const delta = (f: number): number => Math.round(unit === 'F' ? f : deltaFToC(f));
  const { usdaSafeMinimumF, targetF, targetRangeF, pullAtF, carryOverF, ...rest } = preset;
  return {
    ...rest,
    unit,
    usdaSafeMinimum: temperature(usdaSafeMinimumF),
    target: temperature(targetF),
    targetRange: [temperature(targetRangeF[0]), temperature(targetRangeF[1])],
    pullAt: temperature(pullAtF),
    carryOver: [delta(carryOverF[0]), delta(carryOverF[1])],
    belowUsdaMinimum: isBelowUsdaMinimum(preset),
  };
}
