// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithApp } from '../testing/renderWithApp';
import { fakeAlarmApi, noChannels, testChannel } from '../testing/testAlarms';
import type { AlarmApi, ChannelList, CreateChannelBody } from './alarmApi';
import { AlarmApiContext } from './alarmQueries';
import NotificationsPage from './NotificationsPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPage(alarmApi: Partial<AlarmApi>, list: ChannelList = noChannels) {
  return renderWithApp(
    <AlarmApiContext.Provider value={fakeAlarmApi({ listChannels: async () => list, ...alarmApi })}>
      <NotificationsPage />
    </AlarmApiContext.Provider>,
    { api: fakeApi({ getSettings: async () => ({ units: 'F', clock: '24h', timeZone: 'UTC', theme: 'system' }) }) },
  );
}

describe('NotificationsPage', () => {
  it('adds a webhook with a preset and shows its secret once, never keeping it', async () => {
    const createChannel = vi.fn(async (_t: string, body: CreateChannelBody) => ({ ...testChannel({ channelId: 'ch-new', preset: 'ntfy', name: 'ntfy.sh' }), secret: 'whsec_abc123', ...(body.type === 'webhook' ? {} : {}) }));
    const { queryClient } = renderPage({ createChannel });
    const section = await screen.findByRole('region', { name: 'Webhook' });
    fireEvent.click(within(section).getByRole('button', { name: 'Add webhook' }));
    expect(await within(section).findByText('Enter the receiver’s URL, starting with https://.')).toBeTruthy();
    expect(createChannel).not.toHaveBeenCalled();

    fireEvent.change(within(section).getByLabelText('Service'), { target: { value: 'ntfy' } });
    fireEvent.change(within(section).getByLabelText('URL'), { target: { value: 'https://ntfy.sh/my-pit' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Add webhook' }));
    await waitFor(() => expect(createChannel).toHaveBeenCalledWith('token-1', { type: 'webhook', url: 'https://ntfy.sh/my-pit', preset: 'ntfy' }));
    expect((await screen.findByTestId('webhook-secret')).textContent).toContain('whsec_abc123');
    expect(JSON.stringify(queryClient.getQueryData(['notification-channels']))).not.toContain('whsec_abc123');
    expect(within(screen.getByRole('region', { name: 'Your channels' })).getByText('ntfy.sh (webhook)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'I saved it' }));
    expect(screen.queryByText('whsec_abc123')).toBeNull();
  });

  it('shows each channel with its last delivery and verification, and sends a test', async () => {
    const testChannelFn = vi.fn(async () => undefined);
    renderPage(
      { testChannel: testChannelFn },
      {
        ...noChannels,
        channels: [
          testChannel({ lastDelivery: { at: '2026-03-07T13:00:00.000Z', status: 'failed', detail: 'HTTP 500' }, consecutiveFailures: 3 }),
          testChannel({ channelId: 'ch-2', type: 'email', name: 'cook@example.com', status: 'pending-verification', destination: 'cook@example.com', preset: null }),
        ],
      },
    );
    expect((await screen.findByTestId('channel-ch-1-last')).textContent).toBe('Last delivery failed at 13:00 (HTTP 500). 3 failed in a row.');
    expect(screen.getByTestId('channel-ch-2').textContent).toContain('Verification pending');
    fireEvent.click(within(screen.getByTestId('channel-ch-1')).getByRole('button', { name: 'Send test' }));
    await waitFor(() => expect(testChannelFn).toHaveBeenCalledWith('token-1', 'ch-1'));
  });

  it('asks for notification permission only when push is enabled, and registers this browser', async () => {
    const requestPermission = vi.fn(async () => 'granted' as const);
    vi.stubGlobal('Notification', Object.assign(function Notification() {}, { permission: 'default', requestPermission }));
    vi.stubGlobal('PushManager', function PushManager() {});
    const subscription = { toJSON: () => ({ endpoint: 'https://push.example.com/abc', expirationTime: null, keys: { p256dh: 'p'.repeat(87), auth: 'a'.repeat(22) } }) };
    const subscribe = vi.fn(async () => subscription);
    Object.defineProperty(navigator, 'serviceWorker', { configurable: true, value: { ready: Promise.resolve({ pushManager: { getSubscription: async () => null, subscribe } }) } });
    const createChannel = vi.fn(async () => testChannel({ channelId: 'ch-push', type: 'web-push', name: 'Chrome on Linux' }));
    renderPage({ createChannel }, { ...noChannels, vapidPublicKey: 'BAAA' });
    const enable = await screen.findByRole('button', { name: 'Enable push on this browser' });
    expect(requestPermission).not.toHaveBeenCalled();
    fireEvent.click(enable);
    await waitFor(() => expect(createChannel).toHaveBeenCalledTimes(1));
    expect(requestPermission).toHaveBeenCalledTimes(1);
    expect(subscribe).toHaveBeenCalledWith({ userVisibleOnly: true, applicationServerKey: new Uint8Array([4, 0, 0]) });
    expect(createChannel).toHaveBeenCalledWith('token-1', expect.objectContaining({ type: 'web-push', subscription: subscription.toJSON() }));
  });

  it('says so when the user blocks notifications', async () => {
    vi.stubGlobal('Notification', Object.assign(function Notification() {}, { permission: 'default', requestPermission: async () => 'denied' }));
    vi.stubGlobal('PushManager', function PushManager() {});
    Object.defineProperty(navigator, 'serviceWorker', { configurable: true, value: { ready: new Promise(() => undefined) } });
    const createChannel = vi.fn();
    renderPage({ createChannel });
    fireEvent.click(await screen.findByRole('button', { name: 'Enable push on this browser' }));
    expect(await screen.findByText(/Notifications are blocked for Pitwatch/)).toBeTruthy();
    expect(createChannel).not.toHaveBeenCalled();
  });
});
