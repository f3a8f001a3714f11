// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProbeReadout } from './ProbeReadout';

afterEach(cleanup);

const nowMs = Date.parse('2026-03-07T13:00:00.000Z');
const channel = { number: '2', label: 'Chicken', value: 140, units: 'F' as const, status: 'normal', probeConnected: true, at: '2026-03-07T12:59:50.000Z' };
const prediction = {
  channel: '2',
  phase: 'heating' as const,
  etaAt: '2026-03-07T14:30:00.000Z',
  etaLowAt: '2026-03-07T14:10:00.000Z',
  etaHighAt: '2026-03-07T15:00:00.000Z',
  reason: null,
  stallStartedAt: null,
  at: '2026-03-07T12:59:00.000Z',
};

describe('ProbeReadout', () => {
  it('shows temperature, target, rate and min/max all in the display units, and the ETA with its range in the user’s clock', () => {
    // Stats come from the chart, already in the display units (°C here).
    render(
      <ul>
        <ProbeReadout
          serial="S1"
          channel={channel}
          cook={{ targetF: 165, presetId: null, prediction }}
          isPit={false}
          stats={{ min: 4.4, max: 60, latest: 60, ratePerHour: 10 }}
          cooking
          nowMs={nowMs}
          display={{ units: 'C', clock: { timeZone: 'UTC', hour12: false } }}
        />
      </ul>,
    );
    expect(screen.getByTestId('temp-S1-2').textContent).toBe('60.0');
    expect(screen.getByTestId('unit-S1-2').textContent).toBe('°C');
    expect(screen.getByTestId('target-S1-2').textContent).toBe('74 °C');
    expect(screen.getByTestId('rate-2').textContent).toBe('+10 °C/h');
    expect(screen.getByTestId('minmax-2').textContent).toBe('4.4 °C / 60.0 °C');
    expect(screen.getByTestId('eta-S1-2').textContent).toBe('Ready at about 14:30, in 1 h 30 min. 80 % likely between 14:10 and 15:00.');
    expect(screen.getByText('Heating')).toBeTruthy();
    expect(screen.queryByTestId('stale-2')).toBeNull();
    expect(screen.queryByTestId('based-on-S1-2')).toBeNull();
  });

  it('says, under the done time, what the account’s past cooks taught the prediction', () => {
    const basedOn = 'based on your last 3 briskets: stall about 3 h 10 m';
    render(
      <ul>
        <ProbeReadout
          serial="S1"
          channel={channel}
          cook={{ targetF: 203, presetId: 'brisket', prediction: { ...prediction, phase: 'stall', stallStartedAt: '2026-03-07T12:00:00.000Z', basedOn } }}
          isPit={false}
          stats={null}
          cooking
          nowMs={nowMs}
          display={{ units: 'F', clock: { timeZone: 'UTC', hour12: false } }}
        />
      </ul>,
    );
    expect(screen.getByTestId('based-on-S1-2').textContent).toBe('Based on your last 3 briskets: stall about 3 h 10 m.');
  });

  it('says how old a reading is once it is no longer live, and shows no min/max without a cook', () => {
    render(
      <ul>
        <ProbeReadout
          serial="S1"
          channel={{ ...channel, at: '2026-03-07T12:58:00.000Z' }}
          cook={null}
          isPit={false}
          stats={null}
          cooking={false}
          nowMs={nowMs}
          display={{ units: 'F', clock: {} }}
        />
      </ul>,
    );
    expect(screen.getByTestId('stale-2').textContent).toBe('2 min ago');
    expect(screen.queryByTestId('minmax-2')).toBeNull();
    expect(screen.getByTestId('rate-2').textContent).toBe('—');
  });
});
