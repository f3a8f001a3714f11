import { describe, expect, it } from 'vitest';
import type { DeviceView } from '../../../shared/api/schemas';
import { startCookRequestSchema } from '../../../shared/api/schemas';
import { DONENESS_PRESETS } from '../../../shared/cook/presets/doneness-presets';
import {
  buildStartCookRequest,
  deviceUnit,
  guessPitChannel,
  initialCookForm,
  parseTemperature,
  presetGroups,
  targetError,
  withChoice,
  withPitChannel,
  type CookFormState,
} from './cookForm';

const channel = (number: string, label: string, units: 'F' | 'C' | 'H' = 'F') => ({
  number,
  label,
  value: 100,
  units,
  status: 'normal',
  probeConnected: true,
  at: null,
});

const signals: Pick<DeviceView, 'channels'> = {
  channels: [channel('1', 'Pit'), channel('2', 'Brisket flat'), channel('3', 'Brisket point'), channel('4', 'Spare')],
};

const form = (overrides: Partial<CookFormState> = {}): CookFormState => ({
  pitChannel: '1',
  units: 'F',
  probes: [
    { channel: '2', label: 'Brisket flat', choice: { kind: 'preset', presetId: 'brisket' } },
    { channel: '3', label: 'Brisket point', choice: { kind: 'custom', value: '205' } },
    { channel: '4', label: 'Spare', choice: { kind: 'none' } },
  ],
  ...overrides,
});

describe('initialCookForm', () => {
  it('lists every temperature channel unused and guesses the pit from its name', () => {
    expect(initialCookForm(signals)).toEqual({
      pitChannel: '1',
      units: 'F',
      probes: [
        { channel: '1', label: 'Pit', choice: { kind: 'none' } },
        { channel: '2', label: 'Brisket flat', choice: { kind: 'none' } },
        { channel: '3', label: 'Brisket point', choice: { kind: 'none' } },
        { channel: '4', label: 'Spare', choice: { kind: 'none' } },
      ],
    });
  });

  it('leaves humidity channels out and uses the device’s unit', () => {
    const node = { channels: [channel('1', 'Cellar', 'C'), channel('2', 'Humidity', 'H')] };
    expect(initialCookForm(node)).toMatchObject({ pitChannel: null, units: 'C', probes: [{ channel: '1' }] });
    expect(deviceUnit({ channels: [channel('1', 'Humidity', 'H')] })).toBe('F');
  });

  it('only guesses the pit from whole words', () => {
    expect(guessPitChannel([channel('1', 'Food'), channel('2', 'Ambient')])).toBe('2');
    expect(guessPitChannel([channel('1', 'Spitfire roast')])).toBeNull();
  });
});

describe('withPitChannel', () => {
  it('takes the new pit channel out of the meat probes', () => {
    const next = withPitChannel(form(), '2');
    expect(next.pitChannel).toBe('2');
    expect(next.probes.find((p) => p.channel === '2')?.choice).toEqual({ kind: 'none' });
    expect(next.probes.find((p) => p.channel === '3')?.choice).toEqual({ kind: 'custom', value: '205' });
  });

  it('sets a choice for one channel only', () => {
    const next = withChoice(form(), '4', { kind: 'preset', presetId: 'ribs' });
    expect(next.probes.map((p) => p.choice.kind)).toEqual(['preset', 'custom', 'preset']);
  });
});

describe('buildStartCookRequest', () => {
  it('sends presets by id, custom targets with their unit, and the pit channel', () => {
    const result = buildStartCookRequest('12:34:56:78:90:AB', form());
    expect(result).toEqual({
      ok: true,
      request: {
        serial: '12:34:56:78:90:AB',
        pitChannel: '1',
        probes: [
          { channel: '2', presetId: 'brisket' },
          { channel: '3', target: 205, units: 'F' },
        ],
      },
    });
    // Whatever the form builds must be what the API accepts.
    if (result.ok) expect(startCookRequestSchema.safeParse(result.request).success).toBe(true);
  });

  it('leaves the pit out when none is chosen, and accepts a decimal comma in °C', () => {
    const result = buildStartCookRequest('S', form({ pitChannel: null, units: 'C', probes: [{ channel: '1', label: 'Roast', choice: { kind: 'custom', value: ' 57,5 ' } }] }));
    expect(result).toEqual({ ok: true, request: { serial: 'S', probes: [{ channel: '1', target: 57.5, units: 'C' }] } });
  });

  it('needs at least one meat probe', () => {
    const none = form({ probes: form().probes.map((p) => ({ ...p, choice: { kind: 'none' } })) });
    expect(buildStartCookRequest('S', none)).toEqual({
      ok: false,
      errors: [{ channel: null, message: 'Choose a target for at least one meat probe.' }],
    });
  });

  it('refuses a channel chosen twice', () => {
    const twice = form({ probes: [...form().probes, { channel: '2', label: 'Brisket flat', choice: { kind: 'preset', presetId: 'pork-butt' } }] });
    expect(buildStartCookRequest('S', twice)).toEqual({ ok: false, errors: [{ channel: '2', message: 'Brisket flat is chosen twice.' }] });
  });

  it('refuses the pit channel as a meat probe', () => {
    const clash = form({ pitChannel: '3' });
    expect(buildStartCookRequest('S', clash)).toEqual({
      ok: false,
      errors: [{ channel: '3', message: 'Brisket point is the pit probe; it cannot also be a meat probe.' }],
    });
  });

  it('checks custom targets and unknown presets, naming the probe', () => {
    const bad = form({
      probes: [
        { channel: '2', label: 'Brisket flat', choice: { kind: 'preset', presetId: 'unicorn' } },
        { channel: '3', label: 'Brisket point', choice: { kind: 'custom', value: '' } },
        { channel: '4', label: '', choice: { kind: 'custom', value: '600' } },
      ],
    });
    expect(buildStartCookRequest('S', bad)).toEqual({
      ok: false,
      errors: [
        { channel: '2', message: 'Choose a target for Brisket flat.' },
        { channel: '3', message: 'Brisket point: enter a target temperature.' },
        { channel: '4', message: 'Channel 4: enter a target between 32 and 500 °F.' },
      ],
    });
  });

  it('refuses more probes than the API follows', () => {
    const many = form({
      pitChannel: null,
      probes: Array.from({ length: 9 }, (_, i) => ({ channel: String(i + 1), label: `P${i + 1}`, choice: { kind: 'custom', value: '150' } as const })),
    });
    const result = buildStartCookRequest('S', many);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.message)).toEqual(['A cook can follow at most 8 probes.']);
  });

  it('refuses what the API schema would (a channel or serial not in its wire format)', () => {
    const result = buildStartCookRequest('S', form({ probes: [{ channel: '123', label: 'X', choice: { kind: 'custom', value: '150' } }] }));
    expect(result).toEqual({ ok: false, errors: [{ channel: '123', message: 'Channel 123 cannot be cooked with.' }] });
    expect(buildStartCookRequest('bad serial', form()).ok).toBe(false);
  });
});

describe('custom targets', () => {
  it('parses plain numbers only', () => {
    expect(parseTemperature('203')).toBe(203);
    expect(parseTemperature('62.5')).toBe(62.5);
    expect(parseTemperature('62,5')).toBe(62.5);
    expect(parseTemperature('')).toBeNull();
    expect(parseTemperature('203F')).toBeNull();
    expect(parseTemperature('1e3')).toBeNull();
  });

  it('keeps targets within what the API takes, per unit', () => {
    expect(targetError(203, 'F')).toBeNull();
    expect(targetError(500, 'F')).toBeNull();
    expect(targetError(501, 'F')).toBe('enter a target between 32 and 500 °F');
    expect(targetError(31, 'F')).toBe('enter a target between 32 and 500 °F');
    expect(targetError(95, 'C')).toBeNull();
    expect(targetError(260, 'C')).toBeNull();
    expect(targetError(261, 'C')).toBe('enter a target between 32 and 260 °C');
    expect(targetError(null, 'C')).toBe('enter a target temperature');
  });
});

describe('presetGroups', () => {
  it('offers every preset once, grouped by meat', () => {
    const groups = presetGroups('F');
    const ids = groups.flatMap((g) => g.options.map((o) => o.id));
    expect(ids.slice().sort()).toEqual(DONENESS_PRESETS.map((p) => p.id).sort());
    for (const group of groups) {
      for (const option of group.options) expect(DONENESS_PRESETS.find((p) => p.id === option.id)?.meat).toBe(group.meat);
    }
    expect(groups.find((g) => g.meat === 'steak')?.options).toHaveLength(5);
  });

  it('shows the target in the chosen unit and flags targets below the USDA minimum', () => {
    const brisketF = presetGroups('F').find((g) => g.meat === 'brisket')?.options[0];
    expect(brisketF?.text).toBe('Brisket (packer, sliced) · 203 °F');
    const brisketC = presetGroups('C').find((g) => g.meat === 'brisket')?.options[0];
    expect(brisketC?.text).toBe('Brisket (packer, sliced) · 95 °C');
    const rare = presetGroups('F')
      .flatMap((g) => g.options)
      .find((o) => o.id === 'steak-rare');
    expect(rare?.text).toBe('Steak — rare · 125 °F (below USDA 145 °F)');
  });
});
