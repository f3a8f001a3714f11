import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { CookView, DeviceView, ServerMessage } from '../../../shared/api/schemas';
import { queryKeys } from '../api/queries';
import { applyServerMessage } from './liveMessages';
import { createReadingHub } from './readingHub';
import { testCook } from '../testing/testCook';

const device: DeviceView = {
  serial: 'S1',
  label: 'Offset',
  kind: 'signals',
  battery: null,
  wifiDbm: null,
  online: true,
  lastSeen: null,
  channels: [{ number: '1', label: 'Pit', value: 250, units: 'F', status: 'normal', probeConnected: true, at: '2026-03-07T10:00:00.000Z' }],
};
const cook: CookView = testCook({ serial: 'S1', startedAt: '2026-03-07T09:00:00.000Z', probes: [{ channel: '1', label: null, units: 'F', targetF: 203, presetId: null, meat: null }] });

function setup() {
  const queryClient = new QueryClient();
  queryClient.setQueryData(queryKeys.devices, [device]);
  queryClient.setQueryData(queryKeys.cooks, [cook]);
  const readings = createReadingHub();
  const onSessionEnded = vi.fn();
  const apply = (message: ServerMessage) => applyServerMessage(message, { queryClient, readings, onSessionEnded });
  return { queryClient, readings, onSessionEnded, apply };
}

describe('applyServerMessage', () => {
  it('puts each reading of a device’s readings message into the device list and hands it to whoever charts that device', () => {
    const { queryClient, readings, apply } = setup();
    const charted = vi.fn();
    readings.subscribe('S1', charted);
    const reading = { channel: '1', value: 251, units: 'F', status: 'normal', probeConnected: true, at: '2026-03-07T10:00:05.000Z' } as const;
    apply({ type: 'readings', serial: 'S1', channels: [reading] });
    expect(queryClient.getQueryData<DeviceView[]>(queryKeys.devices)?.[0]?.channels[0]?.value).toBe(251);
    expect(charted).toHaveBeenCalledWith({ type: 'reading', serial: 'S1', ...reading });
  });

  it('keeps every screen in step with cook messages: started, updated, ended', () => {
    const { queryClient, apply } = setup();
    const other = { ...cook, serial: 'S2' };
    apply({ type: 'cook', change: 'started', serial: 'S2', cook: other });
    expect(queryClient.getQueryData<CookView[]>(queryKeys.cooks)?.map((c) => c.serial)).toEqual(['S1', 'S2']);
    apply({ type: 'cook', change: 'updated', serial: 'S1', cook: { ...cook, probes: [{ ...cook.probes[0]!, targetF: 195 }] } });
    expect(queryClient.getQueryData<CookView[]>(queryKeys.cooks)?.find((c) => c.serial === 'S1')?.probes[0]?.targetF).toBe(195);
    queryClient.setQueryData(queryKeys.cook(cook.cookId), { ...cook, notes: '', events: [], stats: null });
    apply({ type: 'cook', change: 'ended', serial: 'S1', cook });
    expect(queryClient.getQueryData<CookView[]>(queryKeys.cooks)?.map((c) => c.serial)).toEqual(['S2']);
    // Its record is read afresh (it now has stats), wherever it is shown.
    expect(queryClient.getQueryState(queryKeys.cook(cook.cookId))?.isInvalidated).toBe(true);
  });

  it('folds predictions and alerts into their cook, and re-reads the cooks for a cook it does not know', async () => {
    const { queryClient, apply } = setup();
    apply({ type: 'prediction', serial: 'S1', channel: '1', phase: 'stall', etaAt: null, etaLowAt: null, etaHighAt: null, reason: null, stallStartedAt: null, at: '2026-03-07T10:00:00.000Z' });
    expect(queryClient.getQueryData<CookView[]>(queryKeys.cooks)?.[0]?.predictions[0]?.phase).toBe('stall');
    apply({ type: 'alert', serial: 'S1', kind: 'stall-started', channel: '1', message: 'Probe 1 has stalled', at: '2026-03-07T10:00:00.000Z' });
    expect(queryClient.getQueryData<CookView[]>(queryKeys.cooks)?.[0]?.alerts).toHaveLength(1);
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    apply({ type: 'prediction', serial: 'S9', channel: '1', phase: 'heating', etaAt: null, etaLowAt: null, etaHighAt: null, reason: null, stallStartedAt: null, at: '2026-03-07T10:00:00.000Z' });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: queryKeys.cooks });
  });

  it('signs out with the reason when the server ends the session', () => {
    const { apply, onSessionEnded } = setup();
    apply({ type: 'session-ended', reason: 'revoked' });
    expect(onSessionEnded).toHaveBeenCalledWith('This session was signed out from another screen. Sign in again to keep watching.');
  });
});
