// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithApp } from '../testing/renderWithApp';
import { fakeAlarmApi, noChannels, testChannel } from '../testing/testAlarms';
import type { ChannelView } from '../../../shared/api/alarm-schemas';
import type { UserSettingsView } from '../../../shared/api/settings-schemas';
import { ApiError } from '../api/errors';
import type { AlarmApi, ChannelList, CreateChannelBody, UpdateChannelBody } from './alarmApi';
import { AlarmApiContext } from './alarmQueries';
import NotificationsPage from './NotificationsPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPage(alarmApi: Partial<AlarmApi>, list: ChannelList = noChannels, settings: Partial<UserSettingsView> = {}) {
  return renderWithApp(
    <AlarmApiContext.Provider value={fakeAlarmApi({ listChannels: async () => list, ...alarmApi })}>
      <NotificationsPage />
    </AlarmApiContext.Provider>,
    { api: fakeApi({ getSettings: async () => ({ units: 'F', clock: '24h', timeZone: 'UTC', theme: 'system', ...settings }) }) },
  );
}

const chicago = { start: '22:00', end: '07:00', timeZone: 'America/Chicago' };

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

  describe('quiet hours', () => {
    const withChannel = (quietHours: ChannelView['quietHours']): ChannelList => ({ ...noChannels, channels: [testChannel({ quietHours })] });
    const openEditor = async () => {
      fireEvent.click(within(await screen.findByTestId('channel-ch-1')).getByRole('button', { name: 'Quiet hours…' }));
      return screen.getByRole('form', { name: 'Quiet hours of my receiver' });
    };

    it("shows a channel's quiet hours on the user's 24-hour clock", async () => {
      renderPage({}, { ...noChannels, channels: [testChannel({ quietHours: chicago }), testChannel({ channelId: 'ch-2', name: 'other' })] });
      expect((await screen.findByTestId('channel-ch-1-quiet')).textContent).toBe('Quiet 22:00–07:00 (America/Chicago)');
      expect(screen.getByTestId('channel-ch-2-quiet').textContent).toBe('No quiet hours');
    });

    it("shows them on the user's 12-hour clock", async () => {
      renderPage({}, withChannel(chicago), { clock: '12h' });
      await waitFor(() => expect(screen.getByTestId('channel-ch-1-quiet').textContent).toMatch(/^Quiet 10:00\sPM–7:00\sAM \(America\/Chicago\)$/));
    });

    it('sets them: From, Until and a zone that starts as the settings zone, and the list shows the answer', async () => {
      const updateChannel = vi.fn(async (_t: string, _id: string, patch: UpdateChannelBody) => testChannel({ quietHours: patch.quietHours ?? null }));
      renderPage({ updateChannel }, withChannel(null), { timeZone: 'America/Chicago' });
      await waitFor(() => expect(screen.getByTestId('channel-ch-1-quiet').textContent).toBe('No quiet hours'));
      const form = await openEditor();
      expect(within(form).getByText(/Urgent alarms ring through them/)).toBeTruthy();
      expect(within(form).queryByRole('button', { name: 'Turn off quiet hours' })).toBeNull();
      await waitFor(() => expect((within(form).getByLabelText('Time zone') as HTMLSelectElement).value).toBe('America/Chicago'));
      fireEvent.change(within(form).getByLabelText('From'), { target: { value: '22:00' } });
      fireEvent.change(within(form).getByLabelText('Until'), { target: { value: '07:00' } });
      fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(updateChannel).toHaveBeenCalledWith('token-1', 'ch-1', { quietHours: { start: '22:00', end: '07:00', timeZone: 'America/Chicago' } }));
      await waitFor(() => expect(screen.queryByRole('form', { name: 'Quiet hours of my receiver' })).toBeNull());
      expect(screen.getByTestId('channel-ch-1-quiet').textContent).toBe('Quiet 22:00–07:00 (America/Chicago)');
      expect(updateChannel).toHaveBeenCalledTimes(1);
    });

    it("changes them, starting from the channel's own zone", async () => {
      const updateChannel = vi.fn(async (_t: string, _id: string, patch: UpdateChannelBody) => testChannel({ quietHours: patch.quietHours ?? null }));
      renderPage({ updateChannel }, withChannel({ start: '23:00', end: '06:30', timeZone: 'Europe/Paris' }));
      const form = await openEditor();
      expect((within(form).getByLabelText('From') as HTMLInputElement).value).toBe('23:00');
      expect((within(form).getByLabelText('Time zone') as HTMLSelectElement).value).toBe('Europe/Paris');
      fireEvent.change(within(form).getByLabelText('Until'), { target: { value: '08:00' } });
      fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(updateChannel).toHaveBeenCalledWith('token-1', 'ch-1', { quietHours: { start: '23:00', end: '08:00', timeZone: 'Europe/Paris' } }));
      await waitFor(() => expect(screen.getByTestId('channel-ch-1-quiet').textContent).toBe('Quiet 23:00–08:00 (Europe/Paris)'));
    });

    it('turns them off with quietHours: null', async () => {
      const updateChannel = vi.fn(async () => testChannel({ quietHours: null }));
      renderPage({ updateChannel }, withChannel(chicago));
      const form = await openEditor();
      fireEvent.click(within(form).getByRole('button', { name: 'Turn off quiet hours' }));
      await waitFor(() => expect(updateChannel).toHaveBeenCalledWith('token-1', 'ch-1', { quietHours: null }));
      await waitFor(() => expect(screen.getByTestId('channel-ch-1-quiet').textContent).toBe('No quiet hours'));
      expect(screen.queryByRole('form', { name: 'Quiet hours of my receiver' })).toBeNull();
    });

    it('refuses From equal to Until without asking the server', async () => {
      const updateChannel = vi.fn(async () => testChannel());
      renderPage({ updateChannel }, withChannel(null));
      const form = await openEditor();
      fireEvent.change(within(form).getByLabelText('From'), { target: { value: '22:00' } });
      fireEvent.change(within(form).getByLabelText('Until'), { target: { value: '22:00' } });
      fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
      expect((await within(form).findByRole('alert')).textContent).toBe('From and Until must differ: quiet hours need a start and an end.');
      expect(within(form).getByLabelText('Until').getAttribute('aria-invalid')).toBe('true');
      expect(updateChannel).not.toHaveBeenCalled();
    });

    it("keeps the form and what was typed when the server refuses, and says why", async () => {
      let refuse: (error: Error) => void = () => undefined;
      const updateChannel = vi.fn(() => new Promise<never>((_resolve, reject) => (refuse = reject)));
      renderPage({ updateChannel }, withChannel(null));
      const form = await openEditor();
      fireEvent.change(within(form).getByLabelText('From'), { target: { value: '21:30' } });
      fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(within(form).getByRole('button', { name: 'Saving…' }).hasAttribute('disabled')).toBe(true));
      expect(within(form).getByRole('button', { name: 'Cancel' }).hasAttribute('disabled')).toBe(true);
      refuse(new ApiError(400, 'invalid_request', 'Check the quiet hours.', { issues: [{ path: 'quietHours.timeZone', message: 'an IANA time zone such as America/Chicago' }] }));
      expect((await within(form).findByText(/Check the quiet hours\./)).textContent).toBe('Check the quiet hours. (an IANA time zone such as America/Chicago)');
      expect(within(form).getByRole('alert').textContent).toContain('Check the quiet hours.');
      expect(screen.getByRole('form', { name: 'Quiet hours of my receiver' })).toBe(form);
      expect((within(form).getByLabelText('From') as HTMLInputElement).value).toBe('21:30');
      expect(within(form).getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(false);
      expect(screen.getByTestId('channel-ch-1-quiet').textContent).toBe('No quiet hours');
    });

    it('cancels without a request', async () => {
      const updateChannel = vi.fn(async () => testChannel());
      renderPage({ updateChannel }, withChannel(null));
      const form = await openEditor();
      fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
      expect(screen.queryByRole('form', { name: 'Quiet hours of my receiver' })).toBeNull();
      expect(updateChannel).not.toHaveBeenCalled();
    });
  });
});
