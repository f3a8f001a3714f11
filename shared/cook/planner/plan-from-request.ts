import type { PlanRequest, PlanResponse } from '../../api/plan-schemas';
import { ValidationError } from '../../errors';
import { describePersonalPriors, personalCutPriors, type PersonalPriors } from '../personal/personal-priors';
import { findDonenessPreset } from '../presets/doneness-presets';
import { fromFahrenheit, toFahrenheit } from '../units';
import { planServeTime } from './serve-time-planner';

/**
 * `POST /cooks/plan` minus the transport: a parsed request (plan-schemas.ts) and the account's personal priors
 * (stored with the account) in, the plan out. The handler is one call to this.
 */
export function planFromRequest(request: PlanRequest, deps: { priors?: PersonalPriors; nowMs: number }): PlanResponse {
  const preset = request.presetId === undefined ? undefined : findDonenessPreset(request.presetId);
  if (request.presetId !== undefined && preset === undefined) {
    throw new ValidationError('Request is invalid.', { details: { issues: [{ path: 'presetId', message: `no preset "${request.presetId}"` }] } });
  }
  const targetF = preset?.targetF ?? toFahrenheit(request.target as number, request.units);
  const pitF = toFahrenheit(request.pitTemp, request.units);
  if (pitF < targetF + 20) {
    throw new ValidationError('Request is invalid.', {
      details: { issues: [{ path: 'pitTemp', message: 'the pit must run at least 20 °F (11 °C) above the target' }] },
    });
  }
  const serveAtMs = Date.parse(request.serveAt);
  if (serveAtMs <= deps.nowMs) {
    throw new ValidationError('Request is invalid.', { details: { issues: [{ path: 'serveAt', message: 'must be in the future' }] } });
  }
  const kind = { targetF, ...(preset ? { meat: preset.meat } : {}) };
  const plan = planServeTime({
    ...(preset ? { preset } : { targetF }),
    ...(request.weightKg !== undefined ? { weightKg: request.weightKg } : {}),
    pitF,
    serveAtMs,
    priors: personalCutPriors(deps.priors, kind, pitF),
    ...(request.timeZone !== undefined ? { timeZone: request.timeZone } : {}),
    nowMs: deps.nowMs,
  });
  const iso = (ms: number): string => new Date(ms).toISOString();
  const inUnits = (f: number): number => Math.round(fromFahrenheit(f, request.units) * 10) / 10;
  const round = (h: number): number => Math.round(h * 100) / 100;
  return {
    startBy: iso(plan.startByMs),
    startEarliest: iso(plan.startEarliestMs),
    startLatest: iso(plan.startLatestMs),
    doneBy: iso(plan.doneByMs),
    serveAt: iso(serveAtMs),
    cookHours: { low: round(plan.cookHours.low), mid: round(plan.cookHours.mid), high: round(plan.cookHours.high) },
    restMinutes: plan.restMinutes,
    units: request.units,
    pullAt: inUnits(plan.pullAtF),
    target: inUnits(plan.targetF),
    status: plan.status,
    text: plan.text,
    basedOn: describePersonalPriors(deps.priors, kind) ?? null,
  };
}
