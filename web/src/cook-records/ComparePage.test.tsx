// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserSettingsView } from '../../../shared/api/settings-schemas';
import type { CompareCooks } from '../api/client';
import { fakeApi, renderWithApp } from '../testing/renderWithApp';
import { testCookDetail } from '../testing/testCookDetail';
import ComparePage, { compareIds, formatElapsed } from './ComparePage';

vi.mock('../live-view/CookChart', () => ({
  default: ({ model, label }: { model: { plan: { channels: Array<{ label: string }> } }; label: string }) => (
    <div data-testid="chart" aria-label={label}>
      {model.plan.channels.map((c) => c.label).join('|')}
    </div>
  ),
}));

afterEach(cleanup);

const settings: UserSettingsView = { units: 'C', clock: '24h', timeZone: 'UTC', theme: 'system' };
const stats = (hours: number) => ({ durationSeconds: hours * 3600, probes: [{ channel: '2', targetF: 203, timeToTargetSeconds: hours * 3600 - 1800, stallStartedAt: null, stallSeconds: null, maxF: 204 }], pit: { meanF: 257, sdF: 9 }, readings: 100 });
const compared: CompareCooks = {
  binSeconds: 300,
  cooks: [
    { cook: testCookDetail({ cookId: 'a', serial: 'S1', status: 'ended', name: 'March brisket', startedAt: '2026-03-07T06:00:00.000Z', rating: 5, stats: stats(12) }), meat: [{ channel: '2', label: 'Flat', points: [[0, 40]] }], pit: null },
    { cook: testCookDetail({ cookId: 'b', serial: 'S1', status: 'ended', name: 'April brisket', startedAt: '2026-04-04T06:00:00.000Z', stats: stats(10) }), meat: [{ channel: '2', label: 'Flat', points: [[0, 42]] }], pit: null },
  ],
};

describe('ComparePage', () => {
  it('overlays both cooks on one chart and puts their stats side by side, in the display units', async () => {
    const compareCooks = vi.fn(async () => compared);
    renderWithApp(
      <Routes>
        <Route path="/compare" element={<ComparePage />} />
      </Routes>,
      { api: fakeApi({ compareCooks, getSettings: async () => settings }), path: '/compare?ids=a,b' },
    );
    expect((await screen.findByTestId('chart')).textContent).toBe('March brisket: Flat|April brisket: Flat');
    expect(compareCooks).toHaveBeenCalledWith('token-1', ['a', 'b']);
    const march = screen.getByRole('region', { name: 'March brisket' });
    expect(march.textContent).toContain('Length12 h');
    expect(within(march).getByText('Rated 5 of 5')).toBeTruthy();
    expect(await within(march).findByText('125 °C ± 5.0 °C')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'April brisket' }).textContent).toContain('Time to target9 h 30 min');
  });

  it('asks nothing when the link does not name two cooks', async () => {
    const compareCooks = vi.fn(async () => compared);
    renderWithApp(
      <Routes>
        <Route path="/compare" element={<ComparePage />} />
      </Routes>,
      { api: fakeApi({ compareCooks, getSettings: async () => settings }), path: '/compare?ids=a' },
    );
    expect(await screen.findByText('Pick two cooks to compare')).toBeTruthy();
    expect(compareCooks).not.toHaveBeenCalled();
  });
});

describe('compare helpers', () => {
  it('reads two ids and writes hours since start', () => {
    expect(compareIds('a,b')).toEqual(['a', 'b']);
    expect(compareIds('a,b,c')).toBeNull();
    expect(compareIds('a,b!')).toBeNull();
    expect(formatElapsed(5.5 * 3600)).toBe('5:30');
    expect(formatElapsed(0)).toBe('0:00');
  });
});
