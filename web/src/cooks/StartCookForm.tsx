import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { DeviceView } from '../../../shared/api/schemas';
import { findDonenessPreset } from '../../../shared/cook/presets/doneness-presets';
import { describeError } from '../api/errors';
import type { StartCookBody } from '../api/client';
import type { TemperatureUnits } from '../settings/temperature';
import {
  buildStartCookRequest,
  cookableChannels,
  initialCookForm,
  presetGroups,
  withChoice,
  withPitChannel,
  type CookFormState,
  type FormError,
  type TargetChoice,
} from './cookForm';
import { readPlanLink } from './planLink';
import { serveAtFrom, wallDateTime } from './serveAtField';
import { nowMs } from '../app/clock';

export interface StartCookFormProps {
  device: DeviceView;
  /** The unit custom targets are typed in and presets shown in: the user's display units. */
  units: TemperatureUnits;
  onStart(request: StartCookBody): Promise<unknown>;
  onCancel(): void;
  /** Said above the fields, e.g. that a cook was started on this device from another screen meanwhile. */
  notice?: string | null;
  /** The zone the serve time is typed in (the user's; the browser's when undefined). */
  timeZone?: string | undefined;
}

const CUSTOM = 'custom';
const PRESET_PREFIX = 'preset:';

function choiceValue(choice: TargetChoice): string {
  if (choice.kind === 'preset') return `${PRESET_PREFIX}${choice.presetId}`;
  return choice.kind === 'custom' ? CUSTOM : '';
}

function choiceFrom(value: string, previous: TargetChoice): TargetChoice {
  if (value.startsWith(PRESET_PREFIX)) return { kind: 'preset', presetId: value.slice(PRESET_PREFIX.length) };
  if (value === CUSTOM) return previous.kind === 'custom' ? previous : { kind: 'custom', value: '' };
  return { kind: 'none' };
}

/**
 * Starts a cook on one device: which channel is the pit (optional) and, per meat probe, a doneness preset or a
 * custom target. Checked before sending; the API's own refusal is shown in its words.
 */
export function StartCookForm({ device, units, onStart, onCancel, notice = null, timeZone }: StartCookFormProps) {
  const id = useId();
  // Taken once: what the user picks and types stays put however the device's data changes underneath.
  // Opened from a plan's "Start this cook": its preset on the first meat probe, its serve time filled in.
  const [fromPlan] = useState(() => readPlanLink(typeof window === 'undefined' ? '' : window.location.search));
  const [form, setForm] = useState(() => {
    const fresh = initialCookForm(device, units);
    const first = fresh.probes.find((p) => p.channel !== fresh.pitChannel);
    return fromPlan !== null && first !== undefined && findDonenessPreset(fromPlan.presetId) !== undefined ? withChoice(fresh, first.channel, { kind: 'preset', presetId: fromPlan.presetId }) : fresh;
  });
  const [serve, setServe] = useState(() => (fromPlan !== null ? wallDateTime(Date.parse(fromPlan.serveAt), timeZone) : { date: '', time: '' }));
  const [serveError, setServeError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const groups = useMemo(() => presetGroups(form.units), [form.units]);
  const channels = cookableChannels(device);
  const firstField = useRef<HTMLSelectElement>(null);

  // Errors describe the form as it was submitted: any change makes them stale.
  const update = (change: (form: CookFormState) => CookFormState) => {
    setForm(change);
    setErrors([]);
    setServerError(null);
  };

  // Opening the form moves focus into it, so keyboard and screen-reader users land where the work is.
  useEffect(() => firstField.current?.focus(), []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const built = buildStartCookRequest(device.serial, form);
    const serveAt = serveAtFrom(serve.date, serve.time, timeZone, nowMs());
    setServerError(null);
    setServeError(serveAt.ok ? null : serveAt.error);
    if (!built.ok || !serveAt.ok) {
      setErrors(built.ok ? [] : built.errors);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      await onStart(serveAt.serveAt === null ? built.request : { ...built.request, serveAt: serveAt.serveAt });
      // On success the card replaces this form with the cook's controls: nothing more to do here.
    } catch (caught) {
      setServerError(describeError(caught));
      setBusy(false);
    }
  };

  const errorFor = (channel: string) => errors.find((error) => error.channel === channel);
  // Field errors sit under their fields; the summary keeps what is about the form as a whole (and the server's word).
  const messages = [...errors.filter((error) => error.channel === null).map((error) => error.message), ...(serverError !== null ? [serverError] : [])];
  const errorId = `${id}-errors`;
  const unit = `°${form.units}`;

  return (
    <form className="cook-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} aria-busy={busy} noValidate>
      <h3 id={`${id}-title`} className="cook-form__title">
        Start a cook on {device.label}
      </h3>
      {notice !== null && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}

      <div className="field">
        <label htmlFor={`${id}-pit`}>Pit probe</label>
        <select
          id={`${id}-pit`}
          ref={firstField}
          value={form.pitChannel ?? ''}
          onChange={(e) => update((f) => withPitChannel(f, e.target.value === '' ? null : e.target.value))}
          aria-describedby={`${id}-pit-hint`}
        >
          <option value="">None</option>
          {channels.map((channel) => (
            <option key={channel.number} value={channel.number}>
              {channel.label} (channel {channel.number})
            </option>
          ))}
        </select>
        <p id={`${id}-pit-hint`} className="field__hint">
          Optional: the probe in the cooker's air. It makes the done time more accurate.
        </p>
      </div>

      <fieldset className="cook-form__probes">
        <legend>Meat probes</legend>
        {form.probes
          .filter((probe) => probe.channel !== form.pitChannel)
          .map((probe) => {
            const fieldId = `${id}-probe-${probe.channel}`;
            const error = errorFor(probe.channel);
            const preset = probe.choice.kind === 'preset' ? findDonenessPreset(probe.choice.presetId) : undefined;
            return (
              <div className="field" key={probe.channel}>
                <label htmlFor={fieldId}>{probe.label} target</label>
                <select
                  id={fieldId}
                  value={choiceValue(probe.choice)}
                  onChange={(e) => update((f) => withChoice(f, probe.channel, choiceFrom(e.target.value, probe.choice)))}
                  aria-invalid={error !== undefined && probe.choice.kind !== 'custom'}
                  aria-describedby={error !== undefined ? `${fieldId}-error` : undefined}
                >
                  <option value="">Not used</option>
                  {groups.map((group) => (
                    <optgroup key={group.meat} label={group.label}>
                      {group.options.map((option) => (
                        <option key={option.id} value={`${PRESET_PREFIX}${option.id}`}>
                          {option.text}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                  <option value={CUSTOM}>Custom target…</option>
                </select>
                {probe.choice.kind === 'custom' && (
                  <div className="field field--inline">
                    <label htmlFor={`${fieldId}-custom`}>
                      {probe.label} custom temperature ({unit})
                    </label>
                    <input
                      id={`${fieldId}-custom`}
                      type="text"
                      inputMode="decimal"
                      autoComplete="off"
                      value={probe.choice.value}
                      onChange={(e) => update((f) => withChoice(f, probe.channel, { kind: 'custom', value: e.target.value }))}
                      aria-invalid={error !== undefined}
                      aria-describedby={error !== undefined ? `${fieldId}-error` : undefined}
                    />
                  </div>
                )}
                {error !== undefined && (
                  <p id={`${fieldId}-error`} className="field__error">
                    {error.message}
                  </p>
                )}
                {preset !== undefined && <p className="field__hint">{preset.guidance}</p>}
              </div>
            );
          })}
      </fieldset>

      <fieldset className="cook-form__serve">
        <legend>Serve time (optional)</legend>
        <p id={`${id}-serve-hint`} className="field__hint">
          When you want to eat: the live view then says whether the cook is on track for it.
        </p>
        {(['date', 'time'] as const).map((name) => (
          <div className="field field--inline" key={name}>
            <label htmlFor={`${id}-serve-${name}`}>{name === 'date' ? 'Eat on' : 'At'}</label>
            <input
              id={`${id}-serve-${name}`}
              type={name}
              value={serve[name]}
              onChange={(e) => {
                setServe((v) => ({ ...v, [name]: e.target.value }));
                setServeError(null);
              }}
              aria-invalid={serveError !== null}
              aria-describedby={serveError !== null ? `${id}-serve-error` : `${id}-serve-hint`}
            />
          </div>
        ))}
        {serveError !== null && (
          <p id={`${id}-serve-error`} className="field__error">
            {serveError}
          </p>
        )}
      </fieldset>

      {/* Always in the DOM so screen readers announce a new error the moment it appears. */}
      <div id={errorId} className="form-error" role="alert">
        {messages.length === 1 ? <p>{messages[0]}</p> : null}
        {messages.length > 1 && (
          <ul>
            {messages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        )}
      </div>

      <div className="cook-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Starting…' : 'Start cook'}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
