// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CookListQuery, CookPage } from '../api/client';
import { fakeApi, renderWithApp } from '../testing/renderWithApp';
import { testCook } from '../testing/testCook';
import { EndedCooks } from './EndedCooks';

afterEach(cleanup);

const display = { clock: { timeZone: 'UTC', hour12: false } };
const ended = (n: number, over: Partial<Parameters<typeof testCook>[0]> = {}) =>
  testCook({ cookId: `c${n}`, serial: 'S1', status: 'ended', name: `Cook ${n}`, startedAt: `2026-03-0${n}T10:00:00.000Z`, endedAt: `2026-03-0${n}T20:00:00.000Z`, ...over });
const devices = [{ serial: 'S1', label: 'Offset', kind: 'signals', battery: 80, wifiDbm: -60, online: true, lastSeen: null, channels: [] }];

describe('EndedCooks', () => {
  it('lists ended cooks with device, times and rating, each linking to its record, and pages with the cursor', async () => {
    const listCookPage = vi.fn(async (_token: string, query: CookListQuery): Promise<CookPage> =>
      query.cursor === undefined ? { cooks: [ended(3, { rating: 4, tags: ['brisket'] }), ended(2)], cursor: 'next-1' } : { cooks: [ended(1)] },
    );
    renderWithApp(<EndedCooks devices={devices} display={display} />, { api: fakeApi({ listCookPage }) });
    const first = await screen.findByRole('link', { name: 'Cook 3' });
    expect(first.getAttribute('href')).toBe('/cooks/c3');
    const row = first.closest('li') as HTMLElement;
    expect(row.textContent).toContain('Offset · Mar 3, 2026, 10:00 – Mar 3, 2026, 20:00');
    expect(within(row).getByText('Rated 4 of 5')).toBeTruthy();
    expect(within(row).getByText('brisket')).toBeTruthy();
    expect(listCookPage).toHaveBeenLastCalledWith('token-1', { status: 'ended', limit: 20 });

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByRole('link', { name: 'Cook 1' });
    expect(listCookPage).toHaveBeenLastCalledWith('token-1', { status: 'ended', limit: 20, cursor: 'next-1' });
    expect(screen.getAllByRole('link').map((l) => l.textContent)).toEqual(['Cook 3', 'Cook 2', 'Cook 1']);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('searches with words, tag and dates only when asked, and says when nothing matches', async () => {
    const listCookPage = vi.fn(async (_token: string, query: CookListQuery): Promise<CookPage> => ({ cooks: query.q === undefined ? [ended(1)] : [] }));
    renderWithApp(<EndedCooks devices={devices} display={display} />, { api: fakeApi({ listCookPage }) });
    await screen.findByRole('link', { name: 'Cook 1' });
    fireEvent.change(screen.getByLabelText('Words'), { target: { value: 'pork' } });
    fireEvent.change(screen.getByLabelText('Tag'), { target: { value: 'butt' } });
    fireEvent.change(screen.getByLabelText('Started from'), { target: { value: '2026-03-01' } });
    expect(listCookPage).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await screen.findByText('No cook matches');
    expect(listCookPage).toHaveBeenLastCalledWith('token-1', { status: 'ended', limit: 20, q: 'pork', tag: 'butt', from: '2026-03-01T00:00:00.000Z' });
  });

  it('refuses a reversed date range without asking the server', async () => {
    const listCookPage = vi.fn(async (): Promise<CookPage> => ({ cooks: [] }));
    renderWithApp(<EndedCooks devices={devices} display={display} />, { api: fakeApi({ listCookPage }) });
    await screen.findByText('No past cooks yet');
    fireEvent.change(screen.getByLabelText('Started from'), { target: { value: '2026-03-05' } });
    fireEvent.change(screen.getByLabelText('Started until'), { target: { value: '2026-03-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect((await screen.findByRole('alert')).textContent).toContain('end date must not be before');
    expect(screen.getByLabelText('Started until').getAttribute('aria-invalid')).toBe('true');
    expect(listCookPage).toHaveBeenCalledTimes(1);
  });

  it('offers the compare view once two cooks are picked', async () => {
    const listCookPage = vi.fn(async (): Promise<CookPage> => ({ cooks: [ended(3), ended(2), ended(1)] }));
    renderWithApp(<EndedCooks devices={devices} display={display} />, { api: fakeApi({ listCookPage }) });
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Compare Cook 3' }));
    expect(screen.getByText('Pick one more cook to compare.')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Compare Cook 1' }));
    expect(screen.getByRole('link', { name: 'Compare the two cooks' }).getAttribute('href')).toBe('/compare?ids=c3,c1');
  });
});
