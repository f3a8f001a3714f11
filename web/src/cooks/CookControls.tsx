import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import type { CookView, DeviceView } from '../../../shared/api/schemas';
import type { StartCookBody } from '../api/client';
import { describeError } from '../api/errors';
import type { Display } from '../settings/useDisplay';
import { cookableChannels } from './cookableChannels';
import { formatClock } from './predictionFormat';

// The form (with the doneness presets) is fetched when first wanted, not with the screen: the bundle budget. Hovering
// or focusing "Start cook" fetches it ahead of the click.
const loadStartCookForm = () => import('./StartCookForm');
const StartCookForm = lazy(() =>
  loadStartCookForm().then(
    (module) => ({ default: module.StartCookForm }),
    () => ({ default: StartCookFormUnavailable }),
  ),
);

function StartCookFormUnavailable() {
  return (
    <p className="form-error" role="alert">
      Couldn't load the Start-cook form. Check your connection and reload the page.
    </p>
  );
}

export interface CookActions {
  /** Resolves once the cook runs; rejects with the error to show in the form. */
  start(request: StartCookBody): Promise<unknown>;
  /** Resolves once the cook is gone; rejects with the error to show next to the button. */
  end(serial: string): Promise<unknown>;
}

export interface CookControlsProps {
  device: DeviceView;
  cook: CookView | undefined;
  actions: CookActions;
  nowMs: number;
  display: Display;
}

const STARTED_ELSEWHERE = 'A cook was just started on this device from another screen. Starting this one replaces it.';

/**
 * "Start cook" (opening the form), or the cook in progress with "End cook". An open form stays open, with what was
 * typed, when a cook starts on the device from another screen: it says so instead of vanishing.
 */
export function CookControls({ device, cook, actions, nowMs, display }: CookControlsProps) {
  const [formOpen, setFormOpen] = useState(false);
  const [ending, setEnding] = useState(false);
  const [endError, setEndError] = useState<string | null>(null);
  // Where focus goes after the form closes or the cook ends, so keyboard users are not dropped at the top.
  const [focusNext, setFocusNext] = useState<'start' | 'end' | null>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const endButton = useRef<HTMLButtonElement>(null);
  // The cook (if any) running when the form was opened: another one appearing meanwhile was started elsewhere.
  const [cookWhenOpened, setCookWhenOpened] = useState<string | null>(null);
  const [startingHere, setStartingHere] = useState(false);

  useEffect(() => {
    if (focusNext === null) return;
    (focusNext === 'start' ? startButton : endButton).current?.focus();
    setFocusNext(null);
  }, [focusNext]);

  const cookable = cookableChannels(device);

  const end = async () => {
    if (cook === undefined) return;
    setEnding(true);
    setEndError(null);
    try {
      await actions.end(device.serial);
      setFocusNext('start');
    } catch (caught) {
      setEndError(describeError(caught));
    } finally {
      setEnding(false);
    }
  };

  const startedAt = cook === undefined ? NaN : Date.parse(cook.startedAt);
  const cookBar = cook !== undefined && (
    <div className="cook-bar">
      <p className="cook-bar__status" data-testid={`cook-status-${device.serial}`}>
        <span className="cook-bar__dot" aria-hidden="true" />
        Cook in progress{Number.isNaN(startedAt) ? '' : ` since ${formatClock(startedAt, nowMs, display.clock)}`}
      </p>
      {!formOpen && (
        <button type="button" className="button" ref={endButton} onClick={() => void end()} disabled={ending}>
          {ending ? 'Ending…' : 'End cook'}
        </button>
      )}
      {endError !== null && (
        <p className="form-error cook-bar__error" role="alert">
          {endError}
        </p>
      )}
    </div>
  );

  if (formOpen) {
    const startedElsewhere = !startingHere && cook !== undefined && cook.startedAt !== cookWhenOpened;
    return (
      <>
        {cookBar}
        <Suspense
          fallback={
            <p className="loading" role="status">
              Loading…
            </p>
          }
        >
          <StartCookForm
            device={device}
            units={display.units}
            timeZone={display.clock.timeZone}
            notice={startedElsewhere ? STARTED_ELSEWHERE : null}
            onStart={async (request) => {
              setStartingHere(true);
              try {
                await actions.start(request);
                setFormOpen(false);
                setFocusNext('end');
              } finally {
                setStartingHere(false);
              }
            }}
            onCancel={() => {
              setFormOpen(false);
              setFocusNext(cook === undefined ? 'start' : 'end');
            }}
          />
        </Suspense>
      </>
    );
  }

  if (cook !== undefined) return cookBar;

  if (cookable.length === 0) {
    return (
      <div className="cook-bar">
        <p className="muted">Plug in a temperature probe to start a cook.</p>
      </div>
    );
  }

  return (
    <div className="cook-bar">
      <button
        type="button"
        className="button"
        ref={startButton}
        onPointerEnter={() => void loadStartCookForm().catch(() => undefined)}
        onFocus={() => void loadStartCookForm().catch(() => undefined)}
        onClick={() => {
          setEndError(null);
          setCookWhenOpened(null);
          setFormOpen(true);
        }}
      >
        Start cook
      </button>
    </div>
  );
}
