// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SettingsPatch, UserSettingsView } from '../../../shared/api/settings-schemas';
import { ApiError } from '../api/errors';
import { queryKeys } from '../api/queries';
import { fakeApi, renderWithApp } from '../testing/renderWithApp';
import SettingsPage from './SettingsPage';

afterEach(cleanup);

const stored: UserSettingsView = { units: 'F', clock: '12h', timeZone: null, theme: 'system' };

describe('SettingsPage', () => {
  it('leads to the screens the header has no room for: notifications, integrations, the planner', async () => {
    renderWithApp(<SettingsPage />, { api: fakeApi({ getSettings: async () => stored, listSessions: async () => [] }) });
    const hrefs = Object.fromEntries(['Notifications', 'Integrations', 'Plan a cook'].map((name) => [name, screen.getByRole('link', { name }).getAttribute('href')]));
    expect(hrefs).toEqual({ Notifications: '/settings/notifications', Integrations: '/integrations', 'Plan a cook': '/plan' });
  });

  it('shows the change at once and saves it on the server', async () => {
    let resolve: (settings: UserSettingsView) => void = () => undefined;
    const updateSettings = vi.fn((_token: string, patch: SettingsPatch) => new Promise<UserSettingsView>((r) => (resolve = () => r({ ...stored, ...patch }))));
    const api = fakeApi({ getSettings: async () => stored, updateSettings, listSessions: async () => [] });
    const { queryClient } = renderWithApp(<SettingsPage />, { api });
    await waitFor(() => expect((screen.getByRole('radio', { name: '°F (Fahrenheit)' }) as HTMLInputElement).checked).toBe(true));
    fireEvent.click(screen.getByRole('radio', { name: '°C (Celsius)' }));
    // Optimistic, and at once: checked as the click returns, not a moment later when the query cache tells the page.
    expect((screen.getByRole('radio', { name: '°C (Celsius)' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: '°F (Fahrenheit)' }) as HTMLInputElement).checked).toBe(false);
    await waitFor(() => expect(updateSettings).toHaveBeenCalledWith('token-1', { units: 'C' }));
    resolve(stored);
    await waitFor(() => expect(queryClient.getQueryData<UserSettingsView>(queryKeys.settings)?.units).toBe('C'));

    fireEvent.click(screen.getByRole('radio', { name: '24-hour (14:05)' }));
    await waitFor(() => expect(updateSettings).toHaveBeenLastCalledWith('token-1', { clock: '24h' }));
    expect(screen.getByRole('option', { name: 'Europe/Berlin' })).toBeTruthy();
  });

  it('keeps a second choice made before the first save answered', async () => {
    // The server applies each patch in turn; its first answer knows nothing of the second choice.
    let server = stored;
    const answers: Array<() => void> = [];
    const updateSettings = vi.fn((_token: string, patch: SettingsPatch) => {
      server = { ...server, ...patch };
      const answer = server;
      return new Promise<UserSettingsView>((r) => answers.push(() => r(answer)));
    });
    const api = fakeApi({ getSettings: async () => server, updateSettings, listSessions: async () => [] });
    const { queryClient } = renderWithApp(<SettingsPage />, { api });
    await waitFor(() => expect((screen.getByRole('radio', { name: '°F (Fahrenheit)' }) as HTMLInputElement).checked).toBe(true));
    fireEvent.click(screen.getByRole('radio', { name: '°C (Celsius)' }));
    await waitFor(() => expect(updateSettings).toHaveBeenCalledTimes(1));
    fireEvent.click(screen.getByRole('radio', { name: '24-hour (14:05)' }));
    await waitFor(() => expect(updateSettings).toHaveBeenCalledTimes(2));
    answers[0]!();
    await waitFor(() => expect(queryClient.isMutating()).toBe(1));
    expect((screen.getByRole('radio', { name: '24-hour (14:05)' }) as HTMLInputElement).checked).toBe(true);
    answers[1]!();
    await waitFor(() => expect(queryClient.getQueryData<UserSettingsView>(queryKeys.settings)).toEqual({ ...stored, units: 'C', clock: '24h' }));
    expect((screen.getByRole('radio', { name: '°C (Celsius)' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: '24-hour (14:05)' }) as HTMLInputElement).checked).toBe(true);
  });

  it('puts the old choice back and says so when the server refuses', async () => {
    const api = fakeApi({
      getSettings: async () => stored,
      updateSettings: async () => {
        throw new ApiError(400, 'VALIDATION_FAILED', 'Request is invalid.');
      },
      listSessions: async () => [],
    });
    renderWithApp(<SettingsPage />, { api });
    await waitFor(() => expect((screen.getByRole('radio', { name: 'Like the system' }) as HTMLInputElement).checked).toBe(true));
    fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    await waitFor(() => expect(screen.getByText("Couldn't save: Request is invalid.")).toBeTruthy());
    expect((screen.getByRole('radio', { name: 'Like the system' }) as HTMLInputElement).checked).toBe(true);
  });
});
