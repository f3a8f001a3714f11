// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CookView, DeviceView } from '../../../shared/api/schemas';
import { CookControls } from './CookControls';
import { testCook } from '../testing/testCook';

afterEach(cleanup);

const display = { units: 'F' as const, clock: { timeZone: 'UTC', hour12: false } };
const channel = (number: string, label: string, over: Partial<DeviceView['channels'][number]> = {}) => ({
  number,
  label,
  value: 150,
  units: 'F' as const,
  status: 'normal',
  probeConnected: true,
  at: '2026-03-07T12:00:00.000Z',
  ...over,
});
const smoker: DeviceView = {
  serial: 'S1',
  label: 'Offset',
  kind: 'signals',
  battery: 80,
  wifiDbm: -60,
  online: true,
  lastSeen: null,
  channels: [channel('1', 'Pit'), channel('2', 'Chicken'), channel('3', 'Spare', { probeConnected: false, value: null })],
};
const cook: CookView = testCook({ serial: 'S1', startedAt: '2026-03-07T12:30:00.000Z', probes: [{ channel: '2', label: null, units: 'F', targetF: 165, presetId: null, meat: null }] });
const nowMs = Date.parse('2026-03-07T13:00:00.000Z');
const actions = () => ({ start: vi.fn(async () => undefined), end: vi.fn(async () => undefined) });

describe('CookControls', () => {
  it('keeps an open form, with what was typed, when a cook starts on the device from another screen', async () => {
    const view = render(<CookControls device={smoker} cook={undefined} actions={actions()} nowMs={nowMs} display={display} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start cook' }));
    // The form is its own chunk, fetched on first open.
    fireEvent.change(await screen.findByLabelText('Chicken target'), { target: { value: 'custom' } });
    fireEvent.change(screen.getByLabelText('Chicken custom temperature (°F)'), { target: { value: '170' } });

    view.rerender(<CookControls device={{ ...smoker, channels: smoker.channels.map((c) => ({ ...c, value: 151 })) }} cook={cook} actions={actions()} nowMs={nowMs} display={display} />);
    expect((screen.getByLabelText('Chicken custom temperature (°F)') as HTMLInputElement).value).toBe('170');
    expect(screen.getByRole('status').textContent).toMatch(/started on this device from another screen/);
    expect(screen.getByText(/Cook in progress since 12:30/)).toBeTruthy();
  });

  it('offers only plugged-in temperature channels, and no Start cook at all without one', async () => {
    render(<CookControls device={smoker} cook={undefined} actions={actions()} nowMs={nowMs} display={display} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start cook' }));
    expect(await screen.findByLabelText('Chicken target')).toBeTruthy();
    expect(screen.queryByLabelText('Spare target')).toBeNull();
    cleanup();

    const cellar: DeviceView = { ...smoker, channels: [channel('1', 'Humidity', { units: 'H' }), channel('2', 'Meat', { probeConnected: false, value: null })] };
    render(<CookControls device={cellar} cook={undefined} actions={actions()} nowMs={nowMs} display={display} />);
    expect(screen.queryByRole('button', { name: 'Start cook' })).toBeNull();
    expect(screen.getByText('Plug in a temperature probe to start a cook.')).toBeTruthy();
  });

  it('puts each probe’s error under its own field, marks only that field, and types targets in the display units', async () => {
    const cookActions = actions();
    render(<CookControls device={smoker} cook={undefined} actions={cookActions} nowMs={nowMs} display={{ ...display, units: 'C' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start cook' }));
    fireEvent.change(await screen.findByLabelText('Chicken target'), { target: { value: 'custom' } });
    fireEvent.change(screen.getByLabelText('Chicken custom temperature (°C)'), { target: { value: '900' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Start cook' }).at(-1)!);
    const input = screen.getByLabelText('Chicken custom temperature (°C)');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toBe('Chicken: enter a target between 32 and 260 °C.');
    expect(screen.getByLabelText('Pit probe').getAttribute('aria-invalid')).toBeNull();

    fireEvent.change(input, { target: { value: '74' } });
    await act(async () => {
      fireEvent.click(screen.getAllByRole('button', { name: 'Start cook' }).at(-1)!);
    });
    expect(cookActions.start).toHaveBeenCalledWith({ serial: 'S1', pitChannel: '1', probes: [{ channel: '2', target: 74, units: 'C' }] });
  });

  it('sends the serve time typed on the user zone wall clock, and refuses one in the past', async () => {
    const cookActions = actions();
    render(<CookControls device={smoker} cook={undefined} actions={cookActions} nowMs={nowMs} display={display} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start cook' }));
    fireEvent.change(await screen.findByLabelText('Chicken target'), { target: { value: 'preset:chicken' } });
    // The form checks against the page's clock (the real one here): tomorrow noon is ahead, yesterday's is not.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    fireEvent.change(screen.getByLabelText('Eat on'), { target: { value: day(-1) } });
    fireEvent.change(screen.getByLabelText('At'), { target: { value: '12:00' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Start cook' }).at(-1)!);
    expect(screen.getByLabelText('Eat on').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Choose a time to eat that is still ahead.')).toBeTruthy();
    expect(cookActions.start).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Eat on'), { target: { value: day(1) } });
    await act(async () => {
      fireEvent.click(screen.getAllByRole('button', { name: 'Start cook' }).at(-1)!);
    });
    expect(cookActions.start).toHaveBeenCalledWith({ serial: 'S1', pitChannel: '1', probes: [{ channel: '2', presetId: 'chicken' }], serveAt: `${day(1)}T12:00:00.000Z` });
  });

  it('opened from a plan ("Start this cook"), fills in its preset on the first meat probe and its serve time', async () => {
    window.history.replaceState(null, '', '/?preset=chicken&serveAt=2026-03-07T18%3A30%3A00.000Z');
    try {
      render(<CookControls device={smoker} cook={undefined} actions={actions()} nowMs={nowMs} display={display} />);
      fireEvent.click(screen.getByRole('button', { name: 'Start cook' }));
      expect(((await screen.findByLabelText('Chicken target')) as HTMLSelectElement).value).toBe('preset:chicken');
      expect((screen.getByLabelText('Eat on') as HTMLInputElement).value).toBe('2026-03-07');
      expect((screen.getByLabelText('At') as HTMLInputElement).value).toBe('18:30');
    } finally {
      window.history.replaceState(null, '', '/');
    }
  });
});
