/**
 * The /plan form in the user's terms: a preset or a target, weight, pit temperature in their units, the serving
 * date and time as a wall clock in their time zone; checked here, then turned into the POST /cooks/plan body.
 */
import type { PlanBody, PlanResponse } from './plannerApi';
import { formatDuration } from '../../../shared/cook/duration-text';
import { formatClock, formatTimeOfDay, type ClockOptions } from '../cooks/predictionFormat';
import type { TemperatureUnits } from '../settings/temperature';

export interface PlanFormValues {
  /** A preset id, or CUSTOM_TARGET. */
  choice: string;
  target: string;
  weight: string;
  pitTemp: string;
  /** yyyy-mm-dd and hh:mm, on the wall clock of the user's time zone. */
  serveDate: string;
  serveTime: string;
}

export const CUSTOM_TARGET = 'custom';
export type PlanFormErrors = Partial<Record<keyof PlanFormValues, string>>;

/** The weight field's unit: pounds for °F users, kilograms for °C users. */
export const weightUnitFor = (units: TemperatureUnits): 'lb' | 'kg' => (units === 'F' ? 'lb' : 'kg');
const LB_PER_KG = 2.204_622_6;

/** A wall-clock date and time in an IANA zone (the browser's when undefined) as epoch ms; NaN when not a time. */
export function wallTimeMs(date: string, time: string, timeZone: string | undefined): number {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return Number.NaN;
  const [year, month, day, hour, minute] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // No rolling over: 2026-02-30 or 25:00 is not a time.
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return Number.NaN;
  const offset = (atMs: number) => {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(atMs);
    const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute')) - Math.floor(atMs / 60_000) * 60_000;
  };
  // The zone's offset at the guess, corrected once more in case the guess fell across a DST change.
  const first = wall - offset(wall);
  return wall - offset(first);
}

export function planBodyFrom(values: PlanFormValues, units: TemperatureUnits, timeZone: string | undefined, nowMs: number): { body: PlanBody } | { errors: PlanFormErrors } {
  const errors: PlanFormErrors = {};
  const number = (raw: string) => (raw.trim() === '' ? Number.NaN : Number(raw));
  const pit = number(values.pitTemp);
  const [pitLow, pitHigh] = units === 'F' ? [150, 600] : [65, 315];
  if (!Number.isFinite(pit) || pit < pitLow || pit > pitHigh) errors.pitTemp = `Enter the pit temperature, ${pitLow}–${pitHigh} °${units}.`;
  let target: number | undefined;
  if (values.choice === CUSTOM_TARGET) {
    target = number(values.target);
    const [low, high] = units === 'F' ? [100, 250] : [38, 121];
    if (!Number.isFinite(target) || target < low || target > high) errors.target = `Enter a target of ${low}–${high} °${units}.`;
    else if (Number.isFinite(pit) && pit < target + (units === 'F' ? 20 : 11)) errors.pitTemp = `The pit must run at least ${units === 'F' ? 20 : 11} °${units} above the target.`;
  } else if (values.choice === '') errors.choice = 'Choose what you are cooking, or a custom target.';
  let weightKg: number | undefined;
  if (values.weight.trim() !== '') {
    const weight = number(values.weight);
    const unit = weightUnitFor(units);
    const kg = unit === 'lb' ? weight / LB_PER_KG : weight;
    if (!Number.isFinite(weight) || weight <= 0 || kg > 50) errors.weight = `Enter the weight in ${unit} (up to ${unit === 'lb' ? 110 : 50}), or leave it empty.`;
    else weightKg = Math.round(kg * 1000) / 1000;
  }
  const serveAtMs = wallTimeMs(values.serveDate, values.serveTime, timeZone);
  if (!Number.isFinite(serveAtMs)) errors.serveDate = 'Choose the day and time you want to eat.';
  else if (serveAtMs <= nowMs) errors.serveDate = 'Choose a time to eat that is still ahead.';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    body: {
      ...(values.choice === CUSTOM_TARGET ? { target: target! } : { presetId: values.choice }),
      units,
      ...(weightKg !== undefined ? { weightKg } : {}),
      pitTemp: pit,
      serveAt: new Date(serveAtMs).toISOString(),
      ...(timeZone !== undefined ? { timeZone } : {}),
    },
  };
}

/** "Start by 04:30 (80 %: 03:40–05:20) to eat at 18:00, including a 1 h rest", in the user's clock and zone. */
export function planSentence(plan: PlanResponse, nowMs: number, clock: ClockOptions): string {
  const at = (iso: string) => formatClock(Date.parse(iso), nowMs, clock);
  const rest = plan.restMinutes > 0 ? `, including a ${formatDuration(plan.restMinutes / 60)} rest` : '';
  if (plan.status === 'start-now') return `Start now: even started now, it is likely late to eat at ${at(plan.serveAt)}${rest}.`;
  // The range as times of day alone, as a pitmaster says it: "04:30 (80 %: 03:40–05:20)".
  const time = (iso: string) => formatTimeOfDay(Date.parse(iso), clock);
  return `Start by ${at(plan.startBy)} (80 %: ${time(plan.startEarliest)}–${time(plan.startLatest)}) to eat at ${at(plan.serveAt)}${rest}.`;
}
