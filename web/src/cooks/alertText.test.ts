import { describe, expect, it } from 'vitest';
import { alertText } from './alertText';

const names: Record<string, string> = { '1': 'Pit', '2': 'Chicken' };
const name = (channel: string) => names[channel];

describe('alertText', () => {
  it('names the probe as the device does, not by its channel', () => {
    expect(alertText({ channel: '2', message: 'Probe 2 reached its target (165 °F).' }, name, 'F')).toBe('Chicken reached its target (165 °F).');
    expect(alertText({ channel: '2', message: 'Brisket (channel 2) will be done in about 30 min.' }, name, 'F')).toBe('Chicken will be done in about 30 min.');
    expect(alertText({ channel: '12', message: 'Probe 12 is out of the stall and climbing again.' }, name, 'F')).toBe('Probe 12 is out of the stall and climbing again.');
  });

  it('writes temperatures in the display units, pit alerts included', () => {
    expect(alertText({ channel: '2', message: 'Probe 2 reached its target (165 °F).' }, name, 'C')).toBe('Chicken reached its target (74 °C).');
    expect(alertText({ channel: null, message: 'The pit is dropping: 200 °F, down from 250 °F. Check the fuel.' }, name, 'C')).toBe(
      'The pit is dropping: 93 °C, down from 121 °C. Check the fuel.',
    );
  });
});
