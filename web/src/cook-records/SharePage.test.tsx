// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SharedCook } from '../../../shared/api/cook-schemas';
import { ApiError } from '../api/errors';
import type { SocketHandlers } from '../live/liveSocket';
import { fakeApi, renderWithApp } from '../testing/renderWithApp';
import SharePage from './SharePage';

// uPlot needs a canvas happy-dom lacks: the browser test draws the real chart. Here: what it would be given.
vi.mock('../live-view/CookChart', () => ({
  default: ({ model, version, markers }: { model: { data: unknown[][] }; version: number; markers: Array<{ label: string }> }) => (
    <div data-testid="chart" data-points={String(model.data[0]?.length)} data-version={version}>
      {markers.map((m) => m.label).join('|')}
    </div>
  ),
}));

// The share socket, driven by hand.
const sockets: Array<{ url: string; handlers: SocketHandlers; closed: boolean }> = [];
vi.mock('../live/liveSocket', () => ({
  browserSocket: (url: string, handlers: SocketHandlers) => {
    const socket = { url, handlers, closed: false };
    sockets.push(socket);
    return { send: () => undefined, close: () => void (socket.closed = true) };
  },
}));

afterEach(() => {
  cleanup();
  sockets.length = 0;
});

const TOKEN = `pws_${'a'.repeat(43)}`;
const shared: SharedCook = {
  cook: {
    serial: 'S1',
    name: 'Brisket for Sunday',
    status: 'active',
    startedAt: '2026-03-07T06:00:00.000Z',
    endedAt: null,
    pitChannel: '1',
    probes: [{ channel: '2', label: 'Flat', targetF: 203, units: 'F' }],
    predictions: [],
    alerts: [],
    events: [{ eventId: 'e1', kind: 'wrapped', at: '2026-03-07T10:00:00.000Z', probe: '2' }],
  },
  readings: {
    from: '2026-03-07T06:00:00.000Z',
    to: '2026-03-07T11:00:00.000Z',
    binSeconds: 60,
    channels: [
      { channel: '1', role: 'pit', label: null, units: 'F', points: [{ at: '2026-03-07T11:00:00.000Z', value: 250, min: 249, max: 251 }] },
      { channel: '2', role: 'meat', label: 'Flat', units: 'F', points: [{ at: '2026-03-07T11:00:00.000Z', value: 165, min: 165, max: 165 }] },
    ],
  },
  expiresAt: '2026-03-08T06:00:00.000Z',
};

function page(getSharedCook: () => Promise<SharedCook>) {
  return renderWithApp(
    <Routes>
      <Route path="/share/:token" element={<SharePage />} />
    </Routes>,
    { api: fakeApi({ getSharedCook }), path: `/share/${TOKEN}` },
  );
}

describe('SharePage', () => {
  it('shows the shared cook, then follows its readings and predictions over the share socket', async () => {
    page(async () => shared);
    expect(await screen.findByRole('heading', { level: 1, name: 'Brisket for Sunday' })).toBeTruthy();
    expect(screen.getByTestId('share-probe-2').textContent).toContain('165.0 °F');
    expect((await screen.findByTestId('chart')).textContent).toContain('Flat: Wrapped');

    await waitFor(() => expect(sockets).toHaveLength(1));
    const socket = sockets[0]!;
    expect(new URL(socket.url).searchParams.get('share')).toBe(TOKEN);
    act(() => socket.handlers.onOpen());
    expect(screen.getByTestId('live-status').textContent).toBe('Live');

    act(() => socket.handlers.onMessage(JSON.stringify({ type: 'readings', serial: 'S1', channels: [{ channel: '2', value: 171.5, units: 'F', status: 'normal', probeConnected: true, at: '2026-03-07T11:01:00.000Z' }] })));
    expect(screen.getByTestId('share-probe-2').textContent).toContain('171.5 °F');
    // Another device's readings are not this cook's (the server sends none; the page would ignore them anyway).
    act(() => socket.handlers.onMessage(JSON.stringify({ type: 'readings', serial: 'OTHER', channels: [{ channel: '2', value: 20, units: 'F', status: 'normal', probeConnected: true, at: '2026-03-07T11:02:00.000Z' }] })));
    expect(screen.getByTestId('share-probe-2').textContent).toContain('171.5 °F');

    act(() =>
      socket.handlers.onMessage(
        JSON.stringify({ type: 'prediction', serial: 'S1', channel: '2', phase: 'post_stall', etaAt: '2026-03-07T15:00:00.000Z', etaLowAt: null, etaHighAt: null, reason: null, stallStartedAt: null, at: '2026-03-07T11:01:00.000Z' }),
      ),
    );
    await waitFor(() => expect(screen.getByTestId('share-probe-2').textContent).toMatch(/ready at about/));
  });

  it('says plainly that a revoked or expired link is gone, also when it is revoked while open', async () => {
    let revoked = false;
    page(async () => (revoked ? Promise.reject(new ApiError(404, 'NOT_FOUND', 'gone')) : shared));
    await screen.findByRole('heading', { level: 1, name: 'Brisket for Sunday' });
    await waitFor(() => expect(sockets).toHaveLength(1));
    revoked = true;
    act(() => sockets[0]!.handlers.onMessage(JSON.stringify({ type: 'session-ended', reason: 'revoked' })));
    expect(await screen.findByRole('heading', { name: 'This share link has expired or was revoked' })).toBeTruthy();
    expect(sockets[0]!.closed).toBe(true);
  });
});
