import { describe, expect, it } from 'vitest';
import type { Reading } from '../readings/reading';
import type { ActiveCook } from './cook-record';
import { createCookSimulation } from '../cook/physics';
import { findDonenessPreset } from '../cook/presets/doneness-presets';
import { defaultAlertsOf, seedSeriesFromHistory, updateCook } from './update-cook';

const START = Date.UTC(2026, 10, 1, 12);
const HOUR = 3_600_000;
const cook: ActiveCook = {
  accountId: 'a',
  cookId: 'c1',
  serial: 'S',
  events: [],
  startedAt: new Date(START).toISOString(),
  pitChannel: '1',
  probes: [{ channel: '2', label: null, targetF: 165, presetId: 'chicken', meat: 'chicken', units: 'F' }],
  series: {},
  predictions: [],
  updatedAt: new Date(START).toISOString(),
};

/** Newton heating toward a 250 °F pit from 40 °F with a 4-hour time constant, sampled every 15 s. */
function heating(minutes: number, units: 'F' | 'C' = 'F'): Reading[] {
  const readings: Reading[] = [];
  for (let s = 0; s < minutes * 60; s += 15) {
    const meatF = 250 - 210 * Math.exp(-s / (4 * 3600));
    const at = new Date(START + s * 1000);
    const conv = (f: number) => (units === 'F' ? f : ((f - 32) * 5) / 9);
    readings.push({ accountId: 'a', serial: 'S', channel: '2', value: conv(meatF), units, at });
    readings.push({ accountId: 'a', serial: 'S', channel: '1', value: conv(250), units, at });
  }
  return readings;
}

describe('updateCook', () => {
  it('keeps one mean per minute per channel and predicts the meat probe', () => {
    const readings = heating(90);
    const updated = updateCook(cook, readings, new Date(START + 90 * 60_000)).cook;
    expect(updated.series['2']).toHaveLength(90);
    expect(updated.series['1']![0]).toEqual([START, 250]);
    const [prediction] = updated.predictions;
    expect(prediction).toMatchObject({ channel: '2', phase: 'heating' });
    // Newton's law from 40 °F toward 250 °F with τ = 4 h reaches 165 °F at τ·ln(210/85) ≈ 3.62 h after the start
    // (poultry: no stall expected).
    const trueDone = START + 4 * 3600_000 * Math.log(210 / 85);
    const eta = Date.parse(prediction!.etaAt!);
    expect(Math.abs(eta - trueDone)).toBeLessThan(0.25 * (trueDone - (START + 90 * 60_000)));
    expect(Date.parse(prediction!.etaLowAt!)).toBeLessThanOrEqual(eta);
    expect(Date.parse(prediction!.etaHighAt!)).toBeGreaterThanOrEqual(eta);
  });

  it('accepts °C channels and ignores readings from other devices and before the cook', () => {
    const inC = updateCook(cook, heating(30, 'C'), new Date(START + 30 * 60_000)).cook;
    expect(inC.series['1']![0]![1]).toBeCloseTo(250, 1);
    const other = updateCook(cook, heating(30).map((r) => ({ ...r, serial: 'X' })), new Date(START + 30 * 60_000)).cook;
    expect(other.series).toEqual({});
    const early = updateCook(cook, heating(30).map((r) => ({ ...r, at: new Date(r.at.getTime() - 3600_000) })), new Date(START)).cook;
    expect(early.series).toEqual({});
  });

  it('says there is not enough data rather than guessing at the start', () => {
    const updated = updateCook(cook, heating(2), new Date(START + 2 * 60_000)).cook;
    expect(updated.predictions[0]).toMatchObject({ phase: 'unknown', etaAt: null });
  });
});

describe('updateCook with a serve time (serve-check.ts)', () => {
  const at = new Date(START + 90 * 60_000);
  const withServeAt = (ms: number): ActiveCook => ({ ...cook, serveAt: new Date(ms).toISOString() });

  it('checks the done time plus the preset rest against the serve time, on every update', () => {
    const etaMs = Date.parse(updateCook(cook, heating(90), at).cook.predictions[0]!.etaAt!);
    const restMinutes = findDonenessPreset('chicken')!.restMinutes[0];
    const onTrack = updateCook(withServeAt(etaMs + restMinutes * 60_000), heating(90), at).cook.serveCheck;
    expect(onTrack).toMatchObject({ status: 'on-track', minutesLate: 0, channel: '2', restMinutes, at: at.toISOString() });
    expect(onTrack!.doneAt).toBe(new Date(etaMs).toISOString());
    // Served an hour before it is done: running late, with the measured pit's advice.
    const late = updateCook(withServeAt(etaMs - HOUR), heating(90), at).cook.serveCheck;
    expect(late).toMatchObject({ status: 'late', minutesLate: 60 + restMinutes });
    expect(late!.pitF).toBeGreaterThan(250);
  });

  it('has no check without a serve time, and waits while there is no prediction yet', () => {
    expect(updateCook(cook, heating(90), at).cook.serveCheck).toBeUndefined();
    const early = updateCook(withServeAt(START + 5 * HOUR), heating(2), new Date(START + 2 * 60_000)).cook.serveCheck;
    expect(early).toMatchObject({ status: 'waiting', minutesLate: null, readyAt: null });
  });
});

describe('seedSeriesFromHistory', () => {
  it('lets a cook started mid-way predict at its first poll from the stored curve since the lowest reading', () => {
    // The meat went on three hours before the cook record; an hour before that the probe lay on the counter.
    const history = heating(180).map((r) => ({ ...r, at: new Date(r.at.getTime() - 3 * 3600_000) }));
    const counter = [{ accountId: 'a', serial: 'S', channel: '2', value: 68, units: 'F' as const, at: new Date(START - 4 * 3600_000) }];
    const byChannel = { '1': history.filter((r) => r.channel === '1'), '2': [...counter, ...history.filter((r) => r.channel === '2')] };
    const seeded = seedSeriesFromHistory(cook, byChannel);
    expect(seeded.series['2']![0]![0]).toBe(START - 3 * 3600_000); // the counter reading is not the cook
    expect(seeded.series['2']).toHaveLength(180);
    const firstPoll = heating(1).map((r) => ({ ...r, value: r.channel === '2' ? 250 - 210 * Math.exp(-3 / 4) : 250 }));
    const now = new Date(START + 15_000);
    expect(updateCook(seeded, firstPoll, now).cook.predictions[0]).toMatchObject({ phase: 'heating', etaAt: expect.any(String) });
    expect(updateCook(cook, firstPoll, now).cook.predictions[0]).toMatchObject({ phase: 'unknown', etaAt: null });
  });

  it('ignores channels outside the cook, other devices and humidity', () => {
    const stray = [
      { accountId: 'a', serial: 'X', channel: '2', value: 100, units: 'F' as const, at: new Date(START - 60_000) },
      { accountId: 'a', serial: 'S', channel: '2', value: 55, units: 'H' as const, at: new Date(START - 60_000) },
    ];
    expect(seedSeriesFromHistory(cook, { '2': stray, '9': heating(5) }).series).toEqual({});
  });
});

describe('cook alerts', () => {
  it('raises "done in about 30 min" once as the ETA crosses it, then "target reached" once', () => {
    let current = cook;
    const raised: string[] = [];
    const all = heating(240);
    for (let minute = 10; minute <= 240; minute += 5) {
      const now = START + minute * 60_000;
      const batch = all.filter((r) => r.at.getTime() > now - 5 * 60_000 && r.at.getTime() <= now);
      const update = updateCook(current, batch, new Date(now));
      current = update.cook;
      raised.push(...update.alerts.map((a) => a.kind));
    }
    expect(raised.filter((k) => k === 'eta-within')).toHaveLength(1);
    expect(raised.filter((k) => k === 'target-reached')).toHaveLength(1);
    expect(raised.indexOf('eta-within')).toBeLessThan(raised.indexOf('target-reached'));
    expect(current.alerts?.map((a) => a.kind)).toEqual(raised);
    expect(current.alerts?.[0]?.message).toMatch(/Probe 2 will be done in about \d+ min/);
  });

  it('an alert the cook turned off (defaultAlerts) is not raised; the others still are', () => {
    let current: ActiveCook = { ...cook, defaultAlerts: { 'eta-within': false } };
    const raised: string[] = [];
    const all = heating(240);
    for (let minute = 10; minute <= 240; minute += 5) {
      const now = START + minute * 60_000;
      const update = updateCook(current, all.filter((r) => r.at.getTime() > now - 5 * 60_000 && r.at.getTime() <= now), new Date(now));
      current = update.cook;
      raised.push(...update.alerts.map((a) => a.kind));
    }
    expect(raised).not.toContain('eta-within');
    expect(raised.filter((k) => k === 'target-reached')).toHaveLength(1);
    expect(current.alerts?.map((a) => a.kind)).toEqual(raised);
    expect(defaultAlertsOf(current.defaultAlerts)).toMatchObject({ 'eta-within': false, 'target-reached': true, 'lid-open': true });
  });
});

describe('cook persistence', () => {
  it('asks to store the cook when a new minute starts, not for every poll inside a minute', () => {
    const readings = heating(3); // 00:00:00 … 00:02:45, every 15 s
    const at = (s: number) => readings.filter((r) => r.at.getTime() === START + s * 1000);
    const first = updateCook(cook, at(0), new Date(START));
    expect(first.persist).toBe(true);
    const sameMinute = updateCook(first.cook, at(15), new Date(START + 15_000));
    expect(sameMinute.persist).toBe(false);
    const nextMinute = updateCook(first.cook, at(60), new Date(START + 60_000));
    expect(nextMinute.persist).toBe(true);
  });
});

describe('cook persistence of alarm state', () => {
  it('does not rewrite the cook because its stored alarm state came back with keys in another order', () => {
    const first = updateCook(cook, heating(2).filter((r) => r.at.getTime() <= START + 90_000), new Date(START + 90_000)).cook;
    const reorder = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reorder) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reorder(x)])) : v;
    const stored = { ...first, alarmState: reorder(first.alarmState) as typeof first.alarmState };
    const inSameMinute = heating(2).filter((r) => r.at.getTime() === START + 105_000);
    expect(updateCook(stored, inSameMinute, new Date(START + 105_000)).persist).toBe(false);
  });

  it('raises the stall alert from the stored series, poll after poll, as the brisket stalls', () => {
    // Every poll replays the stored per-minute series (the worker is stateless): the stall must show from it.
    const sim = createCookSimulation({ seed: 5, meat: 'brisket', pitSetpointF: 250, initialMeatF: 38, ambientF: 60, probes: 1 });
    const stallStart = sim.groundTruth.stallStartSeconds as number;
    let record: ActiveCook = { ...cook, probes: [{ channel: '2', label: null, targetF: 203, presetId: 'brisket', meat: 'brisket', units: 'F' }] };
    const kinds: string[] = [];
    for (let poll = 0; poll * 600 < stallStart + 3 * 3600; poll += 1) {
      const readings: Reading[] = [];
      for (let s = poll * 600; s < (poll + 1) * 600; s += 15) {
        const sample = sim.sampleAt(s);
        const at = new Date(START + s * 1000);
        readings.push({ accountId: 'a', serial: 'S', channel: '2', value: sample.meatF[0] as number, units: 'F', at });
        readings.push({ accountId: 'a', serial: 'S', channel: '1', value: sample.pitF, units: 'F', at });
      }
      const update = updateCook(record, readings, new Date(START + (poll + 1) * 600_000));
      record = update.cook;
      kinds.push(...update.alerts.map((a) => a.kind));
    }
    expect(kinds).toContain('stall-started');
    expect(record.predictions[0]).toMatchObject({ channel: '2' });
    expect(record.predictions[0]!.stallStartedAt).not.toBeNull();
  });
});
