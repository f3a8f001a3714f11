import { describe, expect, it } from 'vitest';
import {
  channelDisplay,
  formatAgo,
  formatBattery,
  formatKind,
  formatNumber,
  formatPresence,
  formatWifi,
  isBatteryLow,
  unitSymbol,
} from './format';

describe('temperatures', () => {
  it('shows the unit ThermoWorks reports', () => {
    expect(unitSymbol('F')).toBe('°F');
    expect(unitSymbol('C')).toBe('°C');
    expect(unitSymbol('H')).toBe('%');
  });

  it('formats to one decimal without a negative zero', () => {
    expect(formatNumber(225)).toBe('225.0');
    expect(formatNumber(203.46)).toBe('203.5');
    expect(formatNumber(-0.04)).toBe('0.0');
    expect(formatNumber(-18.25)).toBe('-18.2');
  });

  it('says "No probe" when unplugged, even if a stale value is present', () => {
    expect(channelDisplay({ value: 70, units: 'F', probeConnected: false })).toEqual({ kind: 'no-probe' });
  });

  it('waits for a first reading on a plugged probe', () => {
    expect(channelDisplay({ value: null, units: 'C', probeConnected: true })).toEqual({ kind: 'waiting' });
  });

  it('gives number and unit separately so the number can be read back', () => {
    expect(channelDisplay({ value: 55.55, units: 'H', probeConnected: true })).toEqual({ kind: 'value', number: '55.6', unit: '%' });
  });
});

describe('device facts', () => {
  it('formats battery and flags it low under 20 %', () => {
    expect(formatBattery(87.6)).toBe('88 %');
    expect(formatBattery(null)).toBe('—');
    expect(isBatteryLow(19)).toBe(true);
    expect(isBatteryLow(20)).toBe(false);
    expect(isBatteryLow(null)).toBe(false);
  });

  it('describes Wi-Fi strength', () => {
    expect(formatWifi(-50)).toBe('Excellent (-50 dBm)');
    expect(formatWifi(-67)).toBe('Good (-67 dBm)');
    expect(formatWifi(-72)).toBe('Fair (-72 dBm)');
    expect(formatWifi(-90)).toBe('Weak (-90 dBm)');
    expect(formatWifi(null)).toBe('—'); // BlueDOT talks Bluetooth to a bridge
  });

  it("uses ThermoWorks' product names", () => {
    expect(formatKind('bluedot')).toBe('BlueDOT');
    expect(formatKind('SIGNALS')).toBe('Signals');
    expect(formatKind('Smoke-X')).toBe('Smoke X');
    expect(formatKind('RFX Gateway')).toBe('RFX Gateway');
  });
});

describe('formatAgo', () => {
  const now = Date.parse('2026-03-01T12:00:00.000Z');
  it('reads like a person would say it', () => {
    expect(formatAgo('2026-03-01T11:59:30.000Z', now)).toBe('just now');
    expect(formatAgo('2026-03-01T11:55:00.000Z', now)).toBe('5 min ago');
    expect(formatAgo('2026-03-01T09:00:00.000Z', now)).toBe('3 h ago');
    expect(formatAgo('2026-02-20T09:00:00.000Z', now)).toMatch(/^on .*2026/);
    expect(formatAgo(null, now)).toBe('never');
    expect(formatAgo('garbage', now)).toBe('unknown');
  });

  it('treats a clock running slightly behind the server as "just now"', () => {
    expect(formatAgo('2026-03-01T12:00:05.000Z', now)).toBe('just now');
  });

  it('combines with the online flag', () => {
    expect(formatPresence(true, '2026-03-01T11:58:00.000Z', now)).toBe('Online · seen 2 min ago');
    expect(formatPresence(false, null, now)).toBe('Offline · last seen never');
  });
});
