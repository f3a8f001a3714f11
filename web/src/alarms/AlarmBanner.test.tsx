// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyServerMessage } from '../live/liveMessages';
import { createReadingHub } from '../live/readingHub';
import { fakeApi, renderWithApp } from '../testing/renderWithApp';
import { fakeAlarmApi, testAlarmEvent } from '../testing/testAlarms';
import { AlarmBanner } from './AlarmBanner';
import { applyAlarmMessage } from './alarmLive';
import { AlarmApiContext } from './alarmQueries';

afterEach(cleanup);

const settings = { units: 'C' as const, clock: '24h' as const, timeZone: 'UTC', theme: 'system' as const };

function renderBanner(acknowledgeAlarmEvent = vi.fn(async (_token: string, eventId: string) => testAlarmEvent({ eventId, state: 'acknowledged', acknowledgedAt: '2026-03-07T13:01:00.000Z', acknowledgedVia: 'web' }))) {
  const alarmApi = fakeAlarmApi({ acknowledgeAlarmEvent });
  const rendered = renderWithApp(
    <AlarmApiContext.Provider value={alarmApi}>
      <AlarmBanner />
    </AlarmApiContext.Provider>,
    { api: fakeApi({ getSettings: async () => settings }) },
  );
  return { ...rendered, acknowledgeAlarmEvent };
}

describe('the in-app alarm', () => {
  it('rings from the socket message: a banner in the display units, and the beep/notification once', async () => {
    const { queryClient } = renderBanner();
    const ring = vi.fn();
    expect(screen.queryByTestId('alarm-banner')).toBeNull();
    act(() => applyAlarmMessage({ type: 'alarm', change: 'fired', event: testAlarmEvent({ ruleName: 'Brisket done' }) }, queryClient, { ring }));
    const banner = await screen.findByRole('alert', { name: 'Alarms ringing' });
    await waitFor(() => expect(banner.textContent).toContain('Brisket at or above 95 °C (now 95 °C)'));
    expect(banner.textContent).toContain('Brisket done');
    expect(ring).toHaveBeenCalledTimes(1);
    // A delivery update of the same event changes the banner, not the count, and does not ring again.
    act(() => applyAlarmMessage({ type: 'alarm', change: 'acknowledged', event: testAlarmEvent({ state: 'acknowledged' }) }, queryClient, { ring }));
    await waitFor(() => expect(screen.queryByTestId('alarm-banner')).toBeNull());
    expect(ring).toHaveBeenCalledTimes(1);
  });

  it('is acknowledged from the banner: the API is told and the banner clears', async () => {
    const { queryClient, acknowledgeAlarmEvent } = renderBanner();
    act(() => applyAlarmMessage({ type: 'alarm', change: 'fired', event: testAlarmEvent({ eventId: 'evt-9' }) }, queryClient, { ring: () => undefined }));
    act(() => applyAlarmMessage({ type: 'alarm', change: 'escalated', event: testAlarmEvent({ eventId: 'evt-8', urgent: true }) }, queryClient, { ring: () => undefined }));
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Acknowledge' })).toHaveLength(2));
    fireEvent.click(screen.getAllByRole('button', { name: 'Acknowledge' })[1]!); // the older one, evt-9
    await waitFor(() => expect(acknowledgeAlarmEvent).toHaveBeenCalledWith('token-1', 'evt-9'));
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Acknowledge' })).toHaveLength(1));
    expect(screen.getByTestId('alarm-ringing-evt-8').textContent).toContain('Urgent alarm');
  });

  it('reaches the banner through the live message switch', async () => {
    const { queryClient } = renderBanner();
    vi.stubGlobal('AudioContext', undefined);
    act(() => applyServerMessage({ type: 'alarm', change: 'fired', event: testAlarmEvent() }, { queryClient, readings: createReadingHub(), onSessionEnded: () => undefined }));
    await screen.findByTestId('alarm-ringing-evt-1');
    vi.unstubAllGlobals();
  });
});
