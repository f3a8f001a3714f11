import { useId } from 'react';
import { formatClock, type ClockOptions } from '../cooks/predictionFormat';

export interface RangeBrushProps {
  /** The whole window (seconds). */
  fromSec: number;
  toSec: number;
  /** The zoomed part, or null for all of it. */
  zoom: [number, number] | null;
  onZoom(zoom: [number, number] | null): void;
  nowMs: number;
  clock: ClockOptions;
}

const MIN_SPAN_S = 5 * 60;

/**
 * The chart's range brush: two handles over the whole cook choose the part to show (keyboard and touch friendly,
 * unlike dragging on a canvas), quick ranges, and "Whole cook". With the end handle at the right, the view follows
 * new readings.
 */
export function RangeBrush({ fromSec, toSec, zoom, onZoom, nowMs, clock }: RangeBrushProps) {
  const id = useId();
  const span = Math.max(1, toSec - fromSec);
  const [start, end] = zoom ?? [fromSec, toSec];
  const step = Math.max(1, Math.round(span / 500));
  const set = (nextStart: number, nextEnd: number) => {
    const s = Math.max(fromSec, Math.min(nextStart, toSec - MIN_SPAN_S));
    const e = Math.min(toSec, Math.max(nextEnd, s + MIN_SPAN_S));
    onZoom(s <= fromSec && e >= toSec ? null : [s, e]);
  };
  const time = (sec: number) => formatClock(sec * 1000, nowMs, clock);
  const recent = (seconds: number) => set(toSec - seconds, toSec);

  return (
    <div className="brush" role="group" aria-labelledby={`${id}-label`}>
      <p id={`${id}-label`} className="brush__label">
        Showing {time(start)} – {time(end)}
      </p>
      <div className="brush__track">
        <div className="brush__window" style={{ left: `${((start - fromSec) / span) * 100}%`, width: `${((end - start) / span) * 100}%` }} aria-hidden="true" />
        <input
          type="range"
          className="brush__handle"
          aria-label="Zoom from"
          aria-valuetext={time(start)}
          min={fromSec}
          max={toSec}
          step={step}
          value={start}
          onChange={(e) => set(Number(e.target.value), end)}
        />
        <input
          type="range"
          className="brush__handle"
          aria-label="Zoom to"
          aria-valuetext={time(end)}
          min={fromSec}
          max={toSec}
          step={step}
          value={end}
          onChange={(e) => set(start, Number(e.target.value))}
        />
      </div>
      <div className="brush__buttons">
        <button type="button" className="button button--small" onClick={() => recent(3600)}>
          Last hour
        </button>
        <button type="button" className="button button--small" onClick={() => recent(3 * 3600)}>
          Last 3 h
        </button>
        <button type="button" className="button button--small" aria-pressed={zoom === null} onClick={() => onZoom(null)}>
          All
        </button>
      </div>
    </div>
  );
}
