import { describe, expect, it } from 'vitest';
import type { ChannelView, ReadingMessage } from '../../../shared/api/schemas';
import { chartPlan, chartSummary, convert, historyPoints, planKey, readingPoint } from './historySeries';

const channel = (number: string, label: string, units: ChannelView['units'] = 'F'): ChannelView => ({
  number,
  label,
  units,
  value: 100,
  status: 'normal',
  probeConnected: true,
  at: '2026-01-01T00:00:00.000Z',
});

const device = { channels: [channel('1', 'Pit'), channel('2', 'Brisket'), channel('3', 'Humidity', 'H'), channel('4', 'Ribs')] };
const cook = { pitChannel: '1', probes: [{ channel: '2', label: null, targetF: 203, presetId: 'brisket', meat: 'brisket', units: 'F' as const }] };

describe('chartPlan', () => {
  it('charts every temperature channel in order, skipping humidity, with the cook’s pit and targets', () => {
    const plan = chartPlan(device, cook);
    expect(plan.units).toBe('F');
    expect(plan.channels).toEqual([
      { channel: '1', label: 'Pit', target: null, isPit: true },
      { channel: '2', label: 'Brisket', target: 203, isPit: false },
      { channel: '4', label: 'Ribs', target: null, isPit: false },
    ]);
  });

  it('draws targets in the device’s units', () => {
    const celsius = { channels: [channel('1', 'Pit', 'C'), channel('2', 'Brisket', 'C')] };
    const plan = chartPlan(celsius, cook);
    expect(plan.units).toBe('C');
    expect(plan.channels[1]?.target).toBe(95);
  });

  it('has no targets without a cook, and its key changes when a target does', () => {
    const plain = chartPlan(device);
    expect(plain.channels.every((c) => c.target === null && !c.isPit)).toBe(true);
    expect(planKey(chartPlan(device, cook))).toBe(planKey(chartPlan(device, cook)));
    expect(planKey(plain)).not.toBe(planKey(chartPlan(device, cook)));
  });
});

describe('convert', () => {
  it('converts between °F and °C both ways', () => {
    expect(convert(212, 'F', 'C')).toBeCloseTo(100);
    expect(convert(-40, 'C', 'F')).toBeCloseTo(-40);
    expect(convert(37, 'C', 'C')).toBe(37);
  });
});

describe('historyPoints', () => {
  it('turns API points into seconds and chart units, dropping humidity', () => {
    const points = historyPoints(
      [
        { at: '2026-01-01T00:00:00.000Z', value: 100, units: 'C' },
        { at: '2026-01-01T00:01:00.000Z', value: 55, units: 'H' },
        { at: '2026-01-01T00:02:00.000Z', value: 215.06, units: 'F' },
      ],
      'F',
    );
    expect(points).toEqual([
      { at: Date.parse('2026-01-01T00:00:00.000Z') / 1000, value: 212 },
      { at: Date.parse('2026-01-01T00:02:00.000Z') / 1000, value: 215.1 },
    ]);
  });
});

describe('readingPoint', () => {
  const plan = chartPlan(device, cook);
  const reading = (over: Partial<ReadingMessage>): ReadingMessage => ({
    type: 'reading',
    serial: 'S1',
    channel: '4',
    value: 150,
    units: 'F',
    status: 'normal',
    probeConnected: true,
    at: '2026-01-01T01:00:00.000Z',
    ...over,
  });

  it('maps a reading to its series (by position among the charted channels)', () => {
    expect(readingPoint(plan, 'S1', reading({}))).toEqual({
      seriesIndex: 2,
      point: { at: Date.parse('2026-01-01T01:00:00.000Z') / 1000, value: 150 },
    });
  });

  it('ignores other devices, humidity and unknown channels', () => {
    expect(readingPoint(plan, 'S2', reading({}))).toBeNull();
    expect(readingPoint(plan, 'S1', reading({ channel: '3', units: 'H' }))).toBeNull();
    expect(readingPoint(plan, 'S1', reading({ channel: '9' }))).toBeNull();
  });

  it('makes an unplugged probe a gap and converts units', () => {
    expect(readingPoint(plan, 'S1', reading({ probeConnected: false }))?.point.value).toBeNull();
    expect(readingPoint(plan, 'S1', reading({ value: null }))?.point.value).toBeNull();
    expect(readingPoint(plan, 'S1', reading({ value: 100, units: 'C' }))?.point.value).toBe(212);
  });
});

describe('chartSummary', () => {
  const plan = chartPlan(device, cook);

  it('reads each probe’s latest temperature, rounded, over the range', () => {
    expect(chartSummary(plan, [251.4, 162.6, null], '12 h')).toBe('Pit 251 °F, Brisket 163 °F over the last 12 h');
  });

  it('says so when there is nothing to read', () => {
    expect(chartSummary(plan, [null, null, null], '1 h')).toBe('No readings over the last 1 h');
  });
});
