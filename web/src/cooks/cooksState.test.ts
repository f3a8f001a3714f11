import { describe, expect, it } from 'vitest';
import type { AlertMessage, CookView, PredictionMessage, ServeCheck, ServeCheckMessage } from '../../../shared/api/schemas';
import { ALERTS_SHOWN, findCook, keepNewerPredictions, mergeAlert, mergePrediction, mergeServeCheck, probeCook } from './cooksState';

const cook = (overrides: Partial<CookView> = {}): CookView => ({
  cookId: 'cook-1',
  status: 'active',
  name: 'Brisket',
  tags: [],
  rating: null,
  endedAt: null,
  serial: 'SIG-1',
  startedAt: '2026-01-01T08:00:00.000Z',
  pitChannel: '1',
  probes: [
    { channel: '2', label: null, targetF: 203, presetId: 'brisket', meat: 'brisket', units: 'F' as const },
    { channel: '3', label: null, targetF: 165, presetId: null, meat: null, units: 'F' as const },
  ],
  predictions: [
    {
      channel: '2',
      phase: 'heating',
      etaAt: '2026-01-01T16:00:00.000Z',
      etaLowAt: '2026-01-01T15:00:00.000Z',
      etaHighAt: '2026-01-01T17:00:00.000Z',
      reason: null,
      stallStartedAt: null,
      at: '2026-01-01T10:00:00.000Z',
    },
  ],
  alerts: [],
  ...overrides,
});

const other: CookView = { ...cook(), cookId: 'cook-2', serial: 'SMOKE-9', pitChannel: null, probes: [{ channel: '1', label: null, targetF: 200, presetId: null, meat: null, units: 'F' as const }], predictions: [] };

const message = (overrides: Partial<PredictionMessage> = {}): PredictionMessage => ({
  type: 'prediction',
  serial: 'SIG-1',
  channel: '2',
  phase: 'stall',
  etaAt: '2026-01-01T18:00:00.000Z',
  etaLowAt: '2026-01-01T17:00:00.000Z',
  etaHighAt: '2026-01-01T19:30:00.000Z',
  reason: null,
  stallStartedAt: '2026-01-01T10:30:00.000Z',
  at: '2026-01-01T10:45:00.000Z',
  ...overrides,
});

describe('mergePrediction', () => {
  it('replaces the prediction of exactly that serial and channel when it is newer', () => {
    const cooks = [cook(), other];
    const next = mergePrediction(cooks, message());
    expect(next[0]?.predictions).toHaveLength(1);
    expect(next[0]?.predictions[0]).toEqual({
      channel: '2',
      phase: 'stall',
      etaAt: '2026-01-01T18:00:00.000Z',
      etaLowAt: '2026-01-01T17:00:00.000Z',
      etaHighAt: '2026-01-01T19:30:00.000Z',
      reason: null,
      stallStartedAt: '2026-01-01T10:30:00.000Z',
      at: '2026-01-01T10:45:00.000Z',
    });
    // Only the wire fields: no `type` or `serial` leak into the stored prediction.
    expect(next[0]?.predictions[0]).not.toHaveProperty('type');
    // Untouched cooks keep their identity; the input is not mutated.
    expect(next[1]).toBe(other);
    expect(cooks[0]?.predictions[0]?.phase).toBe('heating');
  });

  it('adds the first prediction for a probe that had none', () => {
    const next = mergePrediction([cook()], message({ channel: '3', phase: 'heating' }));
    expect(next[0]?.predictions.map((p) => [p.channel, p.phase])).toEqual([
      ['2', 'heating'],
      ['3', 'heating'],
    ]);
  });

  it('keeps the newer prediction when an older one arrives late', () => {
    const cooks = [cook()];
    expect(mergePrediction(cooks, message({ at: '2026-01-01T09:59:00.000Z' }))).toBe(cooks);
  });

  it('skips a redelivered prediction with the same time', () => {
    const once = mergePrediction([cook()], message());
    expect(mergePrediction(once, message({ phase: 'heating' }))).toBe(once);
  });

  it('compares instants, not strings', () => {
    // 11:00+01:00 is 10:00Z: not newer than the 10:00Z shown.
    const cooks = [cook()];
    expect(mergePrediction(cooks, message({ at: '2026-01-01T11:00:00+01:00' }))).toBe(cooks);
    expect(mergePrediction(cooks, message({ at: '2026-01-01T11:01:00+01:00' }))).not.toBe(cooks);
  });

  it('ignores unknown serials, channels that are not meat probes, and predictions from before the cook began', () => {
    const cooks = [cook()];
    expect(mergePrediction(cooks, message({ serial: 'NOPE' }))).toBe(cooks);
    expect(mergePrediction(cooks, message({ channel: '1' }))).toBe(cooks); // the pit
    expect(mergePrediction(cooks, message({ channel: '3', at: '2026-01-01T07:59:00.000Z' }))).toBe(cooks);
  });
});

describe('keepNewerPredictions', () => {
  it('lets a live prediction win over an older reload answer, but takes newer reloads', () => {
    let cooks = mergePrediction([cook()], message());
    cooks = keepNewerPredictions(cooks, [cook()]); // the reload still says "heating" as of 10:00
    expect(cooks[0]?.predictions[0]).toMatchObject({ phase: 'stall', at: '2026-01-01T10:45:00.000Z' });

    const newer = cook({ predictions: [{ ...message({ phase: 'post_stall', at: '2026-01-01T11:30:00.000Z' }), channel: '2' }] });
    cooks = keepNewerPredictions(cooks, [newer]);
    expect(cooks[0]?.predictions[0]).toMatchObject({ phase: 'post_stall', at: '2026-01-01T11:30:00.000Z' });
  });

  it('takes a restarted cook from the reload as it is', () => {
    const cooks = mergePrediction([cook()], message());
    const restarted = cook({ startedAt: '2026-01-01T11:00:00.000Z', predictions: [] });
    expect(keepNewerPredictions(cooks, [restarted])[0]?.predictions).toEqual([]);
  });
});

describe('mergeServeCheck', () => {
  const SERVE_AT = '2026-01-01T18:00:00.000Z';
  const check = (at: string, status: ServeCheck['status'] = 'late'): ServeCheck => ({
    status,
    minutesLate: status === 'late' ? 40 : 0,
    doneAt: '2026-01-01T17:40:00.000Z',
    readyAt: '2026-01-01T18:40:00.000Z',
    channel: '2',
    restMinutes: 60,
    restMaxMinutes: 240,
    pitF: status === 'late' ? 275 : null,
    pitEnough: status === 'late',
    wrap: false,
    at,
  });
  const serveMessage = (at: string, overrides: Partial<ServeCheckMessage> = {}): ServeCheckMessage => ({ type: 'serve-check', serial: 'SIG-1', cookId: 'cook-1', serveAt: SERVE_AT, check: check(at), ...overrides });

  it('puts a newer check (and its serve time) on its cook, and ignores older ones and other cooks', () => {
    const cooks = [cook({ serveAt: SERVE_AT, serveCheck: check('2026-01-01T10:00:00.000Z', 'on-track') }), other];
    const merged = mergeServeCheck(cooks, serveMessage('2026-01-01T10:45:00.000Z'));
    expect(merged[0]?.serveCheck).toMatchObject({ status: 'late', at: '2026-01-01T10:45:00.000Z' });
    expect(merged[1]).toBe(other);
    expect(mergeServeCheck(merged, serveMessage('2026-01-01T10:30:00.000Z'))).toBe(merged);
    expect(mergeServeCheck(merged, serveMessage('2026-01-01T11:00:00.000Z', { cookId: 'cook-0' }))).toBe(merged);
    expect(mergeServeCheck([cook()], serveMessage('2026-01-01T10:45:00.000Z'))[0]).toMatchObject({ serveAt: SERVE_AT, serveCheck: { status: 'late' } });
  });

  it('keeps a newer live check over a reload, unless the reload changed or cleared the serve time', () => {
    const live = mergeServeCheck([cook({ serveAt: SERVE_AT })], serveMessage('2026-01-01T10:45:00.000Z'));
    const reload = cook({ serveAt: SERVE_AT, serveCheck: check('2026-01-01T10:00:00.000Z', 'on-track') });
    expect(keepNewerPredictions(live, [reload])[0]?.serveCheck?.status).toBe('late');
    const cleared = keepNewerPredictions(live, [cook()])[0];
    expect(cleared?.serveAt).toBeUndefined();
    expect(cleared?.serveCheck).toBeUndefined();
  });
});

describe('probeCook', () => {
  it("gives a meat probe's target and prediction, nothing for other channels", () => {
    const c = cook();
    expect(findCook([c, other], 'SIG-1')).toBe(c);
    expect(findCook(null, 'SIG-1')).toBeUndefined();
    expect(probeCook(c, '2')).toEqual({ targetF: 203, presetId: 'brisket', prediction: c.predictions[0] });
    expect(probeCook(c, '3')).toEqual({ targetF: 165, presetId: null, prediction: null });
    expect(probeCook(c, '1')).toBeNull();
    expect(probeCook(undefined, '2')).toBeNull();
  });
});

describe('mergeAlert', () => {
  const base: CookView = {
    cookId: 'cook-1',
    status: 'active',
    name: 'Brisket',
    tags: [],
    rating: null,
    endedAt: null,
    serial: 'S1',
    startedAt: '2026-11-01T10:00:00.000Z',
    pitChannel: '1',
    probes: [{ channel: '2', label: null, targetF: 203, presetId: 'brisket', meat: 'brisket', units: 'F' as const }],
    predictions: [],
    alerts: [],
  };
  const alert = (at: string, kind: AlertMessage['kind'] = 'stall-started'): AlertMessage => ({ type: 'alert', serial: 'S1', kind, channel: '2', message: `m ${at}`, at });

  it('appends a live alert to its cook once, keeping the latest few in time order', () => {
    let cooks: CookView[] = [base];
    cooks = mergeAlert(cooks, alert('2026-11-01T12:00:00.000Z'));
    const again = mergeAlert(cooks, alert('2026-11-01T12:00:00.000Z'));
    expect(again).toBe(cooks);
    for (let h = 13; h < 20; h++) cooks = mergeAlert(cooks, alert(`2026-11-01T${h}:00:00.000Z`, 'eta-within'));
    expect(cooks[0]!.alerts).toHaveLength(ALERTS_SHOWN);
    expect(cooks[0]!.alerts.at(-1)!.at).toBe('2026-11-01T19:00:00.000Z');
  });

  it('ignores alerts for unknown devices or from before the cook started', () => {
    const cooks = [base];
    expect(mergeAlert(cooks, { ...alert('2026-11-01T12:00:00.000Z'), serial: 'other' })).toBe(cooks);
    expect(mergeAlert(cooks, alert('2026-11-01T09:00:00.000Z'))).toBe(cooks);
  });
});
