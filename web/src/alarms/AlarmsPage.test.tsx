// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AlarmView, UpdateAlarmRequest } from '../../../shared/api/alarm-schemas';
import { ApiError } from '../api/errors';
import { fakeApi, renderWithApp } from '../testing/renderWithApp';
import { fakeAlarmApi, noChannels, testAlarm, testChannel, testDevice } from '../testing/testAlarms';
import type { AlarmApi, CreateAlarmBody } from './alarmApi';
import { AlarmApiContext } from './alarmQueries';
import AlarmsPage from './AlarmsPage';

afterEach(cleanup);

const settingsIn = (units: 'F' | 'C') => ({ units, clock: '24h' as const, timeZone: 'UTC', theme: 'system' as const });

function renderPage(alarmApi: Partial<AlarmApi>, options: { units?: 'F' | 'C'; path?: string } = {}) {
  const api = fakeApi({ listDevices: async () => [testDevice()], getSettings: async () => settingsIn(options.units ?? 'F') });
  return renderWithApp(
    <AlarmApiContext.Provider value={fakeAlarmApi({ listChannels: async () => ({ ...noChannels, channels: [testChannel()] }), ...alarmApi })}>
      <AlarmsPage />
    </AlarmApiContext.Provider>,
    { api, path: options.path ?? '/alarms' },
  );
}

describe('AlarmsPage', () => {
  it('lists the rules per device with their state, in the display units', async () => {
    const rules = [
      testAlarm({ alarmId: 'a1', threshold: 203 }),
      testAlarm({ alarmId: 'a2', enabled: false, kind: 'below', threshold: 100 }),
      testAlarm({ alarmId: 'a3', snoozedUntil: '2099-01-01T00:00:00.000Z', notify: ['ch-1'] }),
      testAlarm({ alarmId: 'a4', state: { armed: false, breached: true, lastFiredAt: '2026-03-07T13:00:00.000Z', lastValue: 204 } }),
    ];
    renderPage({ listAlarms: async () => rules }, { units: 'C' });
    const smoker = await screen.findByRole('region', { name: 'Smoker' });
    await waitFor(() => expect(within(smoker).getByTestId('alarm-a1').textContent).toContain('Brisket: at or above 95 °C'));
    expect(screen.getByTestId('alarm-state-a1').textContent).toBe('Armed');
    expect(screen.getByTestId('alarm-state-a2').textContent).toBe('Off');
    expect(screen.getByTestId('alarm-state-a3').textContent).toMatch(/^Snoozed until /);
    expect(screen.getByTestId('alarm-state-a4').textContent).toBe('Ringing');
    expect(screen.getByTestId('alarm-a3').textContent).toContain('open pages and my receiver');
  });

  it('turns a rule off, snoozes it for the minutes chosen, and deletes it', async () => {
    const updateAlarm = vi.fn(async (_t: string, alarmId: string, patch: UpdateAlarmRequest): Promise<AlarmView> => testAlarm({ alarmId, ...(patch.enabled !== undefined && { enabled: patch.enabled }) }));
    const deleteAlarm = vi.fn(async () => undefined);
    renderPage({ listAlarms: async () => [testAlarm()], updateAlarm, deleteAlarm });
    const rule = await screen.findByTestId('alarm-alm-1');
    fireEvent.click(within(rule).getByRole('button', { name: 'Turn off' }));
    await waitFor(() => expect(updateAlarm).toHaveBeenCalledWith('token-1', 'alm-1', { enabled: false }));
    await waitFor(() => expect(screen.getByTestId('alarm-state-alm-1').textContent).toBe('Off'));
    fireEvent.click(within(rule).getByRole('button', { name: 'Turn on' }));
    await waitFor(() => expect(within(rule).getByRole('button', { name: 'Snooze' })).toBeTruthy());
    fireEvent.change(within(rule).getByLabelText('Snooze for'), { target: { value: '30' } });
    fireEvent.click(within(rule).getByRole('button', { name: 'Snooze' }));
    await waitFor(() => expect(updateAlarm).toHaveBeenLastCalledWith('token-1', 'alm-1', { snoozeMinutes: 30 }));
    fireEvent.click(within(rule).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByTestId('alarm-alm-1')).toBeNull());
    expect(deleteAlarm).toHaveBeenCalledWith('token-1', 'alm-1');
  });

  it('opens prefilled from a probe card link, checks each field, and creates the rule in the display units', async () => {
    const createAlarm = vi.fn(async (_t: string, body: CreateAlarmBody) => testAlarm({ alarmId: 'new', threshold: body.threshold ?? null, units: body.units ?? 'F' }));
    renderPage({ listAlarms: async () => [], createAlarm }, { units: 'C', path: '/alarms?serial=S1&channel=2&threshold=203F' });
    const form = await screen.findByRole('form', { name: 'New alarm' });
    expect((within(form).getByLabelText('Probe') as HTMLSelectElement).value).toBe('2');
    const threshold = within(form).getByLabelText('Alert at or above (°C)') as HTMLInputElement;
    expect(threshold.value).toBe('95');

    fireEvent.change(threshold, { target: { value: 'warm' } });
    fireEvent.change(within(form).getByLabelText('Cooldown (min), optional'), { target: { value: '-1' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save alarm' }));
    expect(await within(form).findByText('Enter a number.')).toBeTruthy();
    expect(within(form).getByText('Between 0 and 1440 min.')).toBeTruthy();
    expect(threshold.getAttribute('aria-invalid')).toBe('true');
    expect(createAlarm).not.toHaveBeenCalled();

    fireEvent.change(threshold, { target: { value: '96' } });
    fireEvent.change(within(form).getByLabelText('Cooldown (min), optional'), { target: { value: '' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: /my receiver/ }));
    fireEvent.click(within(form).getByRole('checkbox', { name: /Urgent/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Save alarm' }));
    await waitFor(() => expect(createAlarm).toHaveBeenCalledWith('token-1', { serial: 'S1', channel: '2', kind: 'above', threshold: 96, units: 'C', notify: ['ch-1'], urgent: true }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'New alarm' })).toBeNull());
    expect(await screen.findByTestId('alarm-new')).toBeTruthy();
  });

  it("shows the API's refusal under the field it is about", async () => {
    const createAlarm = vi.fn(async () => {
      throw new ApiError(400, 'VALIDATION_FAILED', 'Request is invalid.', { issues: [{ path: 'threshold', message: 'Number must be at most 1000' }] });
    });
    renderPage({ listAlarms: async () => [], createAlarm }, { path: '/alarms?serial=S1&channel=2&threshold=203F' });
    const form = await screen.findByRole('form', { name: 'New alarm' });
    fireEvent.click(within(form).getByRole('button', { name: 'Save alarm' }));
    expect(await within(form).findByText('Number must be at most 1000')).toBeTruthy();
  });
});
