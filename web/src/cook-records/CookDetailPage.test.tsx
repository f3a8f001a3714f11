// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CookDetail, PatchCookRequest } from '../../../shared/api/cook-schemas';
import type { UserSettingsView } from '../../../shared/api/settings-schemas';
import type { ApiClient } from '../api/client';
import { ApiError } from '../api/errors';
import { fakeApi, renderWithApp } from '../testing/renderWithApp';
import { testCookDetail } from '../testing/testCookDetail';
import CookDetailPage from './CookDetailPage';

afterEach(cleanup);

const settings: UserSettingsView = { units: 'F', clock: '24h', timeZone: 'UTC', theme: 'system' };
const endedCook = testCookDetail({
  cookId: 'c1',
  serial: 'S1',
  status: 'ended',
  name: 'Saturday brisket',
  startedAt: '2026-03-07T06:00:00.000Z',
  endedAt: '2026-03-07T18:00:00.000Z',
  probes: [{ channel: '2', label: 'Flat', units: 'F', targetF: 203, presetId: null, meat: null }],
  events: [
    { eventId: 'e2', kind: 'note', at: '2026-03-07T12:00:00.000Z', text: 'more oak' },
    { eventId: 'e1', kind: 'wrapped', at: '2026-03-07T11:00:00.000Z' },
  ],
  stats: {
    durationSeconds: 43_200,
    probes: [{ channel: '2', targetF: 203, timeToTargetSeconds: 39_600, stallStartedAt: '2026-03-07T09:00:00.000Z', stallSeconds: 7_200, maxF: 205 }],
    pit: { meanF: 250, sdF: 9 },
    readings: 17_280,
  },
});

function page(methods: Partial<ApiClient>) {
  // The chart's readings never answer here: uPlot draws on a canvas happy-dom lacks (the browser test draws it).
  const api = fakeApi({ getSettings: async () => settings, listDevices: async () => [], getCookReadings: () => new Promise(() => undefined), ...methods });
  return renderWithApp(
    <Routes>
      <Route path="/cooks/:cookId" element={<CookDetailPage />} />
    </Routes>,
    { api, path: '/cooks/c1' },
  );
}

describe('CookDetailPage', () => {
  it('shows the record: events in time order, stats in the display units', async () => {
    page({ getCook: async () => endedCook });
    await screen.findByRole('heading', { level: 1, name: 'Saturday brisket' });
    const timeline = screen.getByRole('region', { name: 'Timeline' });
    // The user's settings (24-hour clock) arrive after the placeholder ones.
    await waitFor(() =>
      expect(within(timeline).getAllByRole('listitem').map((li) => li.firstChild?.textContent)).toEqual(['Mar 7, 2026, 11:00 · Wrapped', 'Mar 7, 2026, 12:00 · more oak']),
    );
    const stats = screen.getByRole('region', { name: 'Stats' });
    expect(stats.textContent).toContain('Length12 h');
    expect(stats.textContent).toContain('Pit250 °F ± 9.0 °F');
    expect(stats.textContent).toContain('Time to target11 h');
    expect(stats.textContent).toContain('Stall2 h');
    expect(screen.queryByRole('button', { name: 'End cook' })).toBeNull();
  });

  it('saves notes and the rating, and deletes an event', async () => {
    let cook: CookDetail = endedCook;
    const patchCook = vi.fn(async (_t: string, _id: string, change: PatchCookRequest) => (cook = { ...cook, ...change } as CookDetail));
    const deleteCookEvent = vi.fn(async () => undefined);
    page({ getCook: async () => cook, patchCook, deleteCookEvent });
    fireEvent.change(await screen.findByLabelText('Notes'), { target: { value: 'Pulled at 203, rested 2 h' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save notes' }));
    await screen.findByText('Notes saved.');
    expect(patchCook).toHaveBeenLastCalledWith('token-1', 'c1', { notes: 'Pulled at 203, rested 2 h' });

    fireEvent.click(screen.getByRole('button', { name: '4 of 5' }));
    await screen.findByText('Rated 4 of 5');
    expect(patchCook).toHaveBeenLastCalledWith('token-1', 'c1', { rating: 4 });

    fireEvent.click(screen.getByRole('button', { name: 'Delete Wrapped at Mar 7, 2026, 11:00' }));
    await waitFor(() => expect(screen.queryByText(/· Wrapped/)).toBeNull());
    expect(deleteCookEvent).toHaveBeenCalledWith('token-1', 'c1', 'e1');
  });

  it('exports a CSV as a link to the file the server wrote', async () => {
    const exportCook = vi.fn(async () => ({ url: 'http://s3.test/exports/c1.csv?sig=1', expiresAt: '2026-03-07T18:15:00.000Z' }));
    page({ getCook: async () => endedCook, exportCook });
    fireEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    const link = await screen.findByRole('link', { name: 'Download CSV' });
    expect(link.getAttribute('href')).toBe('http://s3.test/exports/c1.csv?sig=1');
    expect(exportCook).toHaveBeenCalledWith('token-1', 'c1', 'csv');
  });

  it('ends an active cook, then shows its stats', async () => {
    let cook: CookDetail = { ...endedCook, status: 'active', endedAt: null, stats: null };
    const endCook = vi.fn(async () => {
      cook = endedCook;
    });
    page({ getCook: async () => cook, endCook, listCooks: async () => [] });
    expect(await screen.findByText('Stats are worked out when the cook ends.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'End cook' }));
    await screen.findByText('Length');
    expect(endCook).toHaveBeenCalledWith('token-1', 'c1');
    expect(screen.queryByRole('button', { name: 'End cook' })).toBeNull();
  });

  it("says plainly when the cook is not there (another account's, or deleted)", async () => {
    page({ getCook: async () => Promise.reject(new ApiError(404, 'NOT_FOUND', 'no such cook')) });
    expect(await screen.findByRole('heading', { name: 'No such cook' })).toBeTruthy();
  });
});

describe('ShareDialog (in the cook page)', () => {
  it('creates a link, lists the links in use and revokes one', async () => {
    let shares = [{ shareId: 's1', createdAt: '2026-03-07T07:00:00.000Z', expiresAt: '2026-03-08T07:00:00.000Z' }];
    const createShare = vi.fn(async () => ({ shareId: 's2', url: 'http://web.test/share/pws_x', expiresAt: '2026-03-10T07:00:00.000Z' }));
    const revokeShare = vi.fn(async (_t: string, _c: string, shareId: string) => {
      shares = shares.filter((s) => s.shareId !== shareId);
    });
    page({ getCook: async () => endedCook, listShares: async () => shares, createShare, revokeShare });
    fireEvent.click(await screen.findByRole('button', { name: 'Share…' }));
    const dialog = screen.getByRole('dialog', { name: 'Share this cook' });
    await within(dialog).findByText(/Made Mar 7, 2026, 07:00/);
    fireEvent.change(within(dialog).getByLabelText('Link works for'), { target: { value: '72' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create link' }));
    expect(((await within(dialog).findByTestId('share-url')) as HTMLInputElement).value).toBe('http://web.test/share/pws_x');
    expect(createShare).toHaveBeenCalledWith('token-1', 'c1', 72);
    fireEvent.click(within(dialog).getByRole('button', { name: /^Revoke/ }));
    await within(dialog).findByText('No link is shared.');
    expect(revokeShare).toHaveBeenCalledWith('token-1', 'c1', 's1');
  });
});
