// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PatchCookRequest } from '../../../shared/api/cook-schemas';
import type { ServeCheck } from '../../../shared/api/schemas';
import { fakeApi, renderWithApp } from '../testing/renderWithApp';
import { testCook } from '../testing/testCook';
import { ServeTime } from './ServeTime';

afterEach(cleanup);

const display = { units: 'F' as const, clock: { locale: 'en-GB', timeZone: 'UTC', hour12: false } };
const nowMs = Date.parse('2026-03-07T10:00:00.000Z');
const late: ServeCheck = {
  status: 'late',
  minutesLate: 40,
  doneAt: '2026-03-07T17:40:00.000Z',
  readyAt: '2026-03-07T18:40:00.000Z',
  channel: '2',
  restMinutes: 60,
  restMaxMinutes: 240,
  pitF: 275,
  pitEnough: true,
  wrap: true,
  at: '2026-03-07T10:00:00.000Z',
};
const cook = testCook({ serial: 'S1', startedAt: '2026-03-07T08:00:00.000Z', serveAt: '2026-03-07T18:00:00.000Z', serveCheck: late });

describe('ServeTime', () => {
  it('says how late and what to do, and clears the serve time with PATCH serveAt: null', async () => {
    const patches: PatchCookRequest[] = [];
    const patchCook = vi.fn(async (_token: string, _cookId: string, patch: PatchCookRequest) => {
      patches.push(patch);
      return { ...cook, serveAt: undefined, serveCheck: undefined, notes: '', events: [], stats: null };
    });
    renderWithApp(<ServeTime cook={cook} nowMs={nowMs} display={display} />, { api: fakeApi({ patchCook }) });
    expect(screen.getByRole('status').textContent).toBe('Running 40 min late: raise the pit to 275 °F or wrap at the stallDone about 17:40, then a 1 h rest: ready about 18:40.');

    fireEvent.click(screen.getByRole('button', { name: 'Change serve time' }));
    // The form is its own chunk; it opens on the serve time as it stands, in the user's zone.
    expect(((await screen.findByLabelText('Eat on')) as HTMLInputElement).value).toBe('2026-03-07');
    expect((screen.getByLabelText('At') as HTMLInputElement).value).toBe('18:00');
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(patches).toEqual([{ serveAt: null }]));
  });

  it('without a serve time, offers to set one', () => {
    renderWithApp(<ServeTime cook={testCook({ serial: 'S1', startedAt: '2026-03-07T08:00:00.000Z' })} nowMs={nowMs} display={display} />, { api: fakeApi({}) });
    expect(screen.getByRole('status').textContent).toMatch(/^No serve time set/);
    expect(screen.getByRole('button', { name: 'Set a serve time' })).toBeTruthy();
  });
});
