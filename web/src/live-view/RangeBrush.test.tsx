// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RangeBrush } from './RangeBrush';

afterEach(cleanup);

const from = Date.parse('2026-03-07T10:00:00.000Z') / 1000;
const to = from + 6 * 3600;
const clock = { timeZone: 'UTC', hour12: false };

describe('RangeBrush', () => {
  it('zooms with either handle, keeps at least 5 minutes, and goes back to the whole cook', () => {
    const onZoom = vi.fn();
    const view = render(<RangeBrush fromSec={from} toSec={to} zoom={null} onZoom={onZoom} nowMs={to * 1000} clock={clock} />);
    expect(screen.getByText('Showing 10:00 – 16:00')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Zoom from'), { target: { value: String(from + 3600) } });
    expect(onZoom).toHaveBeenLastCalledWith([from + 3600, to]);

    view.rerender(<RangeBrush fromSec={from} toSec={to} zoom={[from + 3600, to]} onZoom={onZoom} nowMs={to * 1000} clock={clock} />);
    expect(screen.getByText('Showing 11:00 – 16:00')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Zoom to'), { target: { value: String(from + 3600 + 60) } });
    expect(onZoom).toHaveBeenLastCalledWith([from + 3600, from + 3600 + 300]);
    fireEvent.click(screen.getByRole('button', { name: 'Last hour' }));
    expect(onZoom).toHaveBeenLastCalledWith([to - 3600, to]);
    fireEvent.click(screen.getByRole('button', { name: 'All' }));
    expect(onZoom).toHaveBeenLastCalledWith(null);
  });
});
