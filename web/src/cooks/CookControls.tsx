import { useEffect, useRef, useState } from 'react';
import type { CookView, DeviceView } from '../../../shared/api/schemas';
import { describeError } from '../api/errors';
import { temperatureChannels } from './cookForm';
import { formatClock } from './predictionFormat';
import { StartCookForm } from './StartCookForm';
import type { CookActions } from './useCooks';

export interface CookControlsProps {
  device: DeviceView;
  cook: CookView | undefined;
  actions: CookActions;
  nowMs: number;
}

/** The bottom of a device card: "Start cook" (opening the form), or the cook in progress with "End cook". */
export function CookControls({ device, cook, actions, nowMs }: CookControlsProps) {
  const [formOpen, setFormOpen] = useState(false);
  const [ending, setEnding] = useState(false);
  const [endError, setEndError] = useState<string | null>(null);
  // Where focus goes after the form closes or the cook ends, so keyboard users are not dropped at the top.
  const [focusNext, setFocusNext] = useState<'start' | 'end' | null>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const endButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (focusNext === null) return;
    (focusNext === 'start' ? startButton : endButton).current?.focus();
    setFocusNext(null);
  }, [focusNext]);

  if (temperatureChannels(device).length === 0) return null;

  if (cook !== undefined) {
    const end = async () => {
      setEnding(true);
      setEndError(null);
      try {
        await actions.end(device.serial);
        setFormOpen(false);
        setFocusNext('start');
      } catch (caught) {
        setEndError(describeError(caught));
      } finally {
        setEnding(false);
      }
    };
    const startedAt = Date.parse(cook.startedAt);
    return (
      <div className="cook-bar">
        <p className="cook-bar__status">
          <span className="cook-bar__dot" aria-hidden="true" />
          Cook in progress{Number.isNaN(startedAt) ? '' : ` since ${formatClock(startedAt, nowMs)}`}
        </p>
        <button type="button" className="button" ref={endButton} onClick={() => void end()} disabled={ending}>
          {ending ? 'Ending…' : 'End cook'}
        </button>
        {endError !== null && (
          <p className="form-error cook-bar__error" role="alert">
            {endError}
          </p>
        )}
      </div>
    );
  }

  if (formOpen) {
    return (
      <StartCookForm
        device={device}
        onStart={async (request) => {
          await actions.start(request);
          setFormOpen(false);
          setFocusNext('end');
        }}
        onCancel={() => {
          setFormOpen(false);
          setFocusNext('start');
        }}
      />
    );
  }

  return (
    <div className="cook-bar">
      <button
        type="button"
        className="button"
        ref={startButton}
        onClick={() => {
          setEndError(null);
          setFormOpen(true);
        }}
      >
        Start cook
      </button>
    </div>
  );
}
