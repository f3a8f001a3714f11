// @vitest-environment happy-dom
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useWakeLock } from './useWakeLock';

afterEach(cleanup);

function fakeWakeLock() {
  const released = vi.fn(async () => undefined);
  const request = vi.fn(async () => ({ release: released, addEventListener: () => undefined }));
  return { wakeLock: { request }, request, released };
}

describe('useWakeLock', () => {
  it('holds the screen on while wanted and lets go when not', async () => {
    const { wakeLock, request, released } = fakeWakeLock();
    const { result, rerender } = renderHook(({ wanted }) => useWakeLock(wanted, wakeLock), { initialProps: { wanted: true } });
    await waitFor(() => expect(result.current).toBe('on'));
    expect(request).toHaveBeenCalledWith('screen');
    rerender({ wanted: false });
    await waitFor(() => expect(result.current).toBe('off'));
    expect(released).toHaveBeenCalled();
  });

  it('says when the browser cannot', () => {
    const { result } = renderHook(() => useWakeLock(true, undefined));
    expect(result.current).toBe('unsupported');
  });
});
