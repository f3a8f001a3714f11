// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithApp } from '../testing/renderWithApp';
import AlarmLinkPage from './AlarmLinkPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('AlarmLinkPage', () => {
  it('says what the link does and does it only when the button is pressed', async () => {
    const fetch = vi.fn(async (url: string, init?: RequestInit) =>
      init?.method === 'POST' ? json(200, { action: 'acknowledged', eventId: 'evt-1', message: 'Acknowledged: it stops repeating.' }) : json(200, { act: 'ack', message: 'Acknowledge "Brisket at 203 °F"', done: false, expiresAt: '2099-01-01T00:00:00Z' }),
    );
    vi.stubGlobal('fetch', fetch);
    renderWithApp(<AlarmLinkPage />, { api: fakeApi({}), path: '/alarm-links?token=abc.def' });
    await screen.findByText('Acknowledge "Brisket at 203 °F"');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]![0]).toBe('http://api.test/alarm-links?token=abc.def');
    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge the alarm' }));
    await screen.findByText('Acknowledged: it stops repeating.');
    expect(fetch.mock.calls[1]![1]).toMatchObject({ method: 'POST', body: JSON.stringify({ token: 'abc.def' }) });
  });

  it('says when the link has expired', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(410, { error: { code: 'LINK_EXPIRED', message: 'This link has expired.' } })));
    renderWithApp(<AlarmLinkPage />, { api: fakeApi({}), path: '/alarm-links?token=abc.def' });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('This link has expired.'));
    expect(screen.queryByRole('button')).toBeNull();
  });
});
