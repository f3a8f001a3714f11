// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithApp } from '../testing/renderWithApp';
import { fakeAlarmApi, testAlarmEvent } from '../testing/testAlarms';
import AlarmEventsPage from './AlarmEventsPage';
import { AlarmApiContext } from './alarmQueries';

afterEach(cleanup);

describe('AlarmEventsPage', () => {
  it('lists what rang, newest first, and acknowledges what still rings', async () => {
    const events = [
      testAlarmEvent({ eventId: 'old', state: 'resolved', firedAt: '2026-03-07T10:00:00.000Z', acknowledgedAt: '2026-03-07T10:01:00.000Z', acknowledgedVia: 'push', resolvedAt: '2026-03-07T10:20:00.000Z' }),
      testAlarmEvent({ eventId: 'new', state: 'delivered', firedAt: '2026-03-07T13:00:00.000Z', deliveries: [{ channelId: 'ch-1', status: 'sent', round: 0, attempts: 1, at: '2026-03-07T13:00:01.000Z', detail: 'HTTP 200' }, { channelId: 'ch-2', status: 'retrying', round: 0, attempts: 1, at: '2026-03-07T13:00:01.000Z', detail: 'HTTP 503' }] }),
    ];
    const acknowledgeAlarmEvent = vi.fn(async () => testAlarmEvent({ eventId: 'new', state: 'acknowledged', acknowledgedAt: '2026-03-07T13:02:00.000Z', acknowledgedVia: 'web' }));
    renderWithApp(
      <AlarmApiContext.Provider value={fakeAlarmApi({ listAlarmEvents: async () => ({ events }), acknowledgeAlarmEvent })}>
        <AlarmEventsPage />
      </AlarmApiContext.Provider>,
      { api: fakeApi({ getSettings: async () => ({ units: 'C', clock: '24h', timeZone: 'UTC', theme: 'system' }) }) },
    );
    const items = await screen.findAllByTestId(/^event-(new|old)$/);
    expect(items.map((i) => i.dataset.testid)).toEqual(['event-new', 'event-old']);
    await waitFor(() => expect(items[0]!.textContent).toContain('95 °C'));
    expect(items[0]!.textContent).toContain('delivered to 1 of 2 channels');
    expect(items[0]!.textContent).toContain('retrying: HTTP 503');
    expect(items[1]!.textContent).toContain('acknowledged');
    expect(items[1]!.textContent).toContain('from a notification');
    expect(within(items[1]!).queryByRole('button', { name: 'Acknowledge' })).toBeNull();
    fireEvent.click(within(items[0]!).getByRole('button', { name: 'Acknowledge' }));
    await waitFor(() => expect(screen.getByTestId('event-state-new').textContent).toBe('Acknowledged'));
    expect(acknowledgeAlarmEvent).toHaveBeenCalledWith('token-1', 'new');
  });
});
