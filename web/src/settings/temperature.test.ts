import { describe, expect, it } from 'vitest';
import {
  convertDelta,
  convertTemperature,
  convertTemperaturesInText,
  displayTemperature,
  formatNumber,
  formatRate,
  formatTemperature,
} from './temperature';

describe('temperature display', () => {
  it('converts temperatures with the offset and rates without it', () => {
    expect(convertTemperature(212, 'F', 'C')).toBe(100);
    expect(convertTemperature(100, 'C', 'F')).toBe(212);
    expect(convertTemperature(225, 'F', 'F')).toBe(225);
    expect(convertDelta(18, 'F', 'C')).toBe(10);
    expect(convertDelta(10, 'C', 'F')).toBe(18);
  });

  it('formats values, targets and rates in the display units; humidity stays a percentage', () => {
    expect(formatTemperature(225, 'F', 'C')).toBe('107.2 °C');
    expect(formatTemperature(203, 'F', 'C', 0)).toBe('95 °C');
    expect(formatTemperature(107.2, 'C', 'F')).toBe('225.0 °F');
    expect(displayTemperature(55, 'H', 'C')).toEqual({ number: '55.0', unit: '%', value: 55 });
    expect(formatRate(18, 'F', 'C')).toBe('+10 °C/h');
    expect(formatRate(-5.6, 'F', 'F')).toBe('−6 °F/h');
    expect(formatRate(0.4, 'F', 'F')).toBe('steady');
    expect(formatNumber(-0.04)).toBe('0.0');
  });

  it('rewrites the temperatures in a server message', () => {
    expect(convertTemperaturesInText('Brisket reached its target (203 °F).', 'C')).toBe('Brisket reached its target (95 °C).');
    expect(convertTemperaturesInText('The pit is dropping: 200 °F, down from 250 °F.', 'C')).toBe('The pit is dropping: 93 °C, down from 121 °C.');
    expect(convertTemperaturesInText('dipped 30 °F', 'F')).toBe('dipped 30 °F');
  });
});
