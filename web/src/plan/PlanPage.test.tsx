// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlanResponse } from './plannerApi';
import { fakeApi, renderWithApp } from '../testing/renderWithApp';
import PlanPage from './PlanPage';
import { wallTimeMs } from './planForm';

const plan: PlanResponse = {
  startBy: '2099-06-01T09:30:00.000Z', // 04:30 in Chicago (CDT, UTC−5)
  startEarliest: '2099-06-01T08:40:00.000Z',
  startLatest: '2099-06-01T10:20:00.000Z',
  doneBy: '2099-06-01T22:00:00.000Z',
  serveAt: '2099-06-01T23:00:00.000Z',
  cookHours: { low: 11.5, mid: 12.5, high: 14 },
  restMinutes: 60,
  units: 'C',
  pullAt: 93,
  target: 93,
  status: 'ok',
  text: 'start by 04:30 (80 %: 03:40–05:20) to eat at 18:00, including a 1 h rest',
  basedOn: null,
};

let requests: unknown[];
beforeEach(() => {
  requests = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
      expect(new URL(String(input)).pathname).toBe('/cooks/plan');
      requests.push(JSON.parse(String(init?.body)));
      return new Response(JSON.stringify(plan), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const api = fakeApi({ getSettings: async () => ({ units: 'C', clock: '24h', timeZone: 'America/Chicago', theme: 'system' }) });

async function fillCustomBrisket() {
  await waitFor(() => expect(screen.getByLabelText('Pit temperature (°C)')).toBeTruthy());
  fireEvent.change(screen.getByLabelText('Cooking'), { target: { value: 'custom' } });
  fireEvent.change(screen.getByLabelText('Target (°C)'), { target: { value: '93' } });
  fireEvent.change(screen.getByLabelText('Weight (kg, optional)'), { target: { value: '6' } });
  fireEvent.change(screen.getByLabelText('Eat on'), { target: { value: '2099-06-01' } });
  fireEvent.change(screen.getByLabelText('At'), { target: { value: '18:00' } });
}

describe('PlanPage', () => {
  it('sends the plan in the user’s units and time zone and answers in their clock: start by 04:30 (80 %: 03:40–05:20) to eat at 18:00, with the rest', async () => {
    renderWithApp(<PlanPage />, { api, path: '/plan' });
    await fillCustomBrisket();
    fireEvent.change(screen.getByLabelText('Pit temperature (°C)'), { target: { value: '121' } });
    fireEvent.click(screen.getByRole('button', { name: 'Plan it' }));
    await waitFor(() => expect(screen.getByTestId('plan-answer').textContent).toMatch(/Start by .*04:30 \(80 %: 03:40–05:20\) to eat at .*18:00, including a 1 h rest\./));
    expect(requests).toEqual([{ target: 93, units: 'C', weightKg: 6, pitTemp: 121, serveAt: '2099-06-01T23:00:00.000Z', timeZone: 'America/Chicago' }]);
    expect(screen.getByTestId('plan-answer').textContent).toContain('About 12 h 30 m on the smoker (80 %: 11 h 30 m–14 h), pulled at 93 °C.');
    expect(screen.getByTestId('plan-answer').textContent).not.toMatch(/AM|PM/);
    // A custom target is no preset to start a cook with: no "Start this cook".
    expect(screen.queryByRole('link', { name: 'Start this cook' })).toBeNull();
  });

  it('offers to start a preset plan: the devices screen with its preset and serve time', async () => {
    renderWithApp(<PlanPage />, { api, path: '/plan' });
    await waitFor(() => expect(screen.getByLabelText('Pit temperature (°C)')).toBeTruthy());
    fireEvent.change(screen.getByLabelText('Eat on'), { target: { value: '2099-06-01' } });
    fireEvent.change(screen.getByLabelText('At'), { target: { value: '18:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Plan it' }));
    const link = await screen.findByRole('link', { name: 'Start this cook' });
    expect(link.getAttribute('href')).toBe('/?preset=brisket&serveAt=2099-06-01T23%3A00%3A00.000Z');
  });

  it('refuses a pit too close to the target, and a time already past, before asking the server', async () => {
    renderWithApp(<PlanPage />, { api, path: '/plan' });
    await fillCustomBrisket();
    fireEvent.change(screen.getByLabelText('Pit temperature (°C)'), { target: { value: '95' } });
    fireEvent.change(screen.getByLabelText('Eat on'), { target: { value: '2001-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Plan it' }));
    expect(await screen.findByText('The pit must run at least 11 °C above the target.')).toBeTruthy();
    expect(screen.getByText('Choose a time to eat that is still ahead.')).toBeTruthy();
    expect(screen.getByLabelText('Pit temperature (°C)').getAttribute('aria-invalid')).toBe('true');
    expect(requests).toEqual([]);
  });
});

describe('wallTimeMs', () => {
  it('reads a wall clock in the given zone, on both sides of a DST change', () => {
    expect(new Date(wallTimeMs('2099-06-01', '18:00', 'America/Chicago')).toISOString()).toBe('2099-06-01T23:00:00.000Z');
    expect(new Date(wallTimeMs('2026-12-24', '18:00', 'America/Chicago')).toISOString()).toBe('2026-12-25T00:00:00.000Z');
    expect(new Date(wallTimeMs('2026-03-29', '12:00', 'Europe/Berlin')).toISOString()).toBe('2026-03-29T10:00:00.000Z');
    expect(wallTimeMs('2026-13-01', '25:00', 'UTC')).toBeNaN();
  });
});
