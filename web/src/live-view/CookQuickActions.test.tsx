// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AddCookEventRequest, CookDetail } from '../../../shared/api/cook-schemas';
import { ApiError } from '../api/errors';
import { queryKeys } from '../api/queries';
import { fakeApi, renderWithApp } from '../testing/renderWithApp';
import { testCookDetail } from '../testing/testCookDetail';
import { CookQuickActions } from './CookQuickActions';

afterEach(cleanup);

const display = { clock: { timeZone: 'UTC', hour12: false } };
const cook = testCookDetail({ cookId: 'c1', serial: 'S1', startedAt: '2026-03-07T12:00:00.000Z' });

/** An API that keeps the events it is sent, stamped at a fixed time, as the server does. */
function eventApi() {
  let events: CookDetail['events'] = [];
  const addCookEvent = vi.fn(async (_token: string, _cookId: string, event: AddCookEventRequest) => {
    events = [...events, { eventId: `e${events.length + 1}`, kind: event.kind, at: '2026-03-07T14:05:00.000Z', ...(event.text === undefined ? {} : { text: event.text }) }];
    return { ...cook, events };
  });
  return { api: fakeApi({ addCookEvent }), addCookEvent };
}

describe('CookQuickActions', () => {
  it('adds "Wrapped" in one tap, says when, and puts the answer in the cook query', async () => {
    const { api, addCookEvent } = eventApi();
    const { queryClient } = renderWithApp(<CookQuickActions cookId="c1" display={display} />, { api });
    fireEvent.click(screen.getByRole('button', { name: 'Wrapped' }));
    await screen.findByText('Wrapped added at 14:05');
    expect(addCookEvent).toHaveBeenCalledWith('token-1', 'c1', { kind: 'wrapped' });
    expect(queryClient.getQueryData<CookDetail>(queryKeys.cook('c1'))?.events.map((e) => e.kind)).toEqual(['wrapped']);
  });

  it('sends a note with its text only once something is typed, then closes the field', async () => {
    const { api, addCookEvent } = eventApi();
    renderWithApp(<CookQuickActions cookId="c1" display={display} />, { api });
    fireEvent.click(screen.getByRole('button', { name: 'Note…' }));
    const add = screen.getByRole('button', { name: 'Add note' });
    expect(add).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText('Note'), { target: { value: '  moved to the top rack ' } });
    fireEvent.click(add);
    await screen.findByText('moved to the top rack added at 14:05');
    expect(addCookEvent).toHaveBeenCalledWith('token-1', 'c1', { kind: 'note', text: 'moved to the top rack' });
    expect(screen.queryByLabelText('Note')).toBeNull();
  });

  it("says what went wrong when the server refuses (the cook ended meanwhile)", async () => {
    const api = fakeApi({ addCookEvent: vi.fn(async () => Promise.reject(new ApiError(409, 'CONFLICT', 'This cook has ended'))) });
    renderWithApp(<CookQuickActions cookId="c1" display={display} />, { api });
    fireEvent.click(screen.getByRole('button', { name: 'Spritzed' }));
    expect((await screen.findByRole('alert')).textContent).toContain('This cook has ended');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Spritzed' })).toHaveProperty('disabled', false));
  });
});
