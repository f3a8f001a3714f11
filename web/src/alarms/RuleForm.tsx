import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ChannelView } from '../../../shared/api/alarm-schemas';
import type { DeviceView } from '../../../shared/api/schemas';
import { defaultHysteresis } from '../../../shared/alarms/alarm-rule';
import { describeError } from '../api/errors';
import { fieldIssues, type CreateAlarmBody } from './alarmApi';
import {
  KIND_CHOICES,
  buildAlarmRequest,
  deviceCanAlarm,
  fieldLabel,
  fieldUnit,
  fieldsFor,
  watchesDevice,
  type FormField,
  type NumberField,
  type RuleFormState,
} from './ruleFormValues';

export interface RuleFormProps {
  devices: DeviceView[];
  channels: ChannelView[];
  initial: RuleFormState;
  onCreate(request: CreateAlarmBody): Promise<unknown>;
  onCancel(): void;
}

const NUMBER_FIELDS: NumberField[] = ['threshold', 'low', 'high', 'band', 'minutes', 'hysteresis', 'cooldownMinutes'];

/**
 * A new alarm rule on a probe or a device: what rings it, in the user's display units, and where it notifies. Each
 * field says what is wrong with it, whether the form or the API found it.
 */
export function RuleForm({ devices, channels, initial, onCreate, onCancel }: RuleFormProps) {
  const id = useId();
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);

  const device = devices.find((d) => d.serial === form.serial);
  const probes = (device?.channels ?? []).filter((c) => c.units !== 'H');
  const shown = fieldsFor(form.kind);
  const deviceKind = watchesDevice(form.kind);

  const update = (patch: Partial<RuleFormState>) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors({});
    setServerError(null);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const built = buildAlarmRequest(form);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setBusy(true);
    try {
      await onCreate(built.request);
    } catch (caught) {
      const byField = fieldIssues(caught);
      const known = Object.fromEntries(Object.entries(byField).filter(([name]) => (NUMBER_FIELDS as string[]).includes(name) || ['channel', 'name', 'notify'].includes(name)));
      setErrors(known);
      setServerError(Object.keys(known).length > 0 ? null : describeError(caught));
      setBusy(false);
    }
  };

  const describedBy = (field: FormField, hint?: string) => [errors[field] !== undefined ? `${id}-${field}-error` : null, hint ?? null].filter(Boolean).join(' ') || undefined;
  const errorText = (field: FormField) =>
    errors[field] === undefined ? null : (
      <p id={`${id}-${field}-error`} className="field__error">
        {errors[field]}
      </p>
    );

  return (
    <form className="card alarm-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} aria-busy={busy} noValidate>
      <h2 id={`${id}-title`}>New alarm</h2>
      <div className="alarm-form__grid">
        <div className="field">
          <label htmlFor={`${id}-device`}>Thermometer</label>
          <select id={`${id}-device`} ref={first} value={form.serial} onChange={(e) => update({ serial: e.target.value, channel: '' })}>
            {devices.map((d) => (
              <option key={d.serial} value={d.serial}>
                {d.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>Alert when</label>
          <select id={`${id}-kind`} value={form.kind} onChange={(e) => update({ kind: e.target.value as RuleFormState['kind'] })}>
            {KIND_CHOICES.map((choice) => (
              <option key={choice.kind} value={choice.kind}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
        {!deviceKind && (
          <div className="field">
            <label htmlFor={`${id}-channel`}>Probe</label>
            <select
              id={`${id}-channel`}
              value={form.channel}
              onChange={(e) => update({ channel: e.target.value })}
              aria-invalid={errors.channel !== undefined}
              aria-describedby={describedBy('channel')}
            >
              <option value="">Choose a probe…</option>
              {probes.map((c) => (
                <option key={c.number} value={c.number}>
                  {c.label} (channel {c.number})
                </option>
              ))}
            </select>
            {errorText('channel')}
          </div>
        )}
        {NUMBER_FIELDS.filter((field) => shown[field] !== undefined).map((field) => {
          const unit = fieldUnit(form.kind, field, form.units);
          const hintId = field === 'hysteresis' || field === 'cooldownMinutes' ? `${id}-${field}-hint` : undefined;
          return (
            <div className="field" key={field}>
              <label htmlFor={`${id}-${field}`}>
                {fieldLabel(form.kind, field)} ({unit}){shown[field] === 'optional' ? ', optional' : ''}
              </label>
              <input
                id={`${id}-${field}`}
                type="text"
                inputMode={field === 'minutes' || field === 'cooldownMinutes' ? 'numeric' : 'decimal'}
                autoComplete="off"
                value={form[field]}
                onChange={(e) => update({ [field]: e.target.value })}
                aria-invalid={errors[field] !== undefined}
                aria-describedby={describedBy(field, hintId)}
              />
              {hintId !== undefined && (
                <p id={hintId} className="field__hint">
                  {field === 'hysteresis'
                    ? `Default ${defaultHysteresis(form.kind, form.units)} ${unit}: how far back past the line before it can ring again.`
                    : 'Default 5 min between two alerts of this rule.'}
                </p>
              )}
              {errorText(field)}
            </div>
          );
        })}
        <div className="field">
          <label htmlFor={`${id}-name`}>Name, optional</label>
          <input id={`${id}-name`} type="text" autoComplete="off" value={form.name} onChange={(e) => update({ name: e.target.value })} aria-invalid={errors.name !== undefined} aria-describedby={describedBy('name')} />
          {errorText('name')}
        </div>
      </div>

      <fieldset aria-describedby={describedBy('notify', `${id}-notify-hint`)}>
        <legend>Notify</legend>
        <p id={`${id}-notify-hint`} className="field__hint">
          Open Pitwatch pages always show the alarm.{channels.length === 0 ? ' Add push, webhook or email in Notifications.' : ''}
        </p>
        {channels.map((c) => (
          <label key={c.channelId} className="check">
            <input
              type="checkbox"
              checked={form.notify.includes(c.channelId)}
              onChange={(e) => update({ notify: e.target.checked ? [...form.notify, c.channelId] : form.notify.filter((n) => n !== c.channelId) })}
            />
            {c.name} ({c.type}){c.status !== 'active' ? `, ${c.status.replace('-', ' ')}` : ''}
          </label>
        ))}
        {errorText('notify')}
        {deviceCanAlarm(form.kind) && (
          <label className="check">
            <input type="checkbox" checked={form.deviceAlarm} onChange={(e) => update({ deviceAlarm: e.target.checked })} aria-describedby={`${id}-device-hint`} />
            Also set the thermometer's own alarm, so it beeps
          </label>
        )}
        {deviceCanAlarm(form.kind) && (
          <p id={`${id}-device-hint`} className="field__hint">
            {/rfx/i.test(device?.kind ?? '') ? "RFX meat probes don't expose alarms in the cloud: this one alarms through Pitwatch only." : 'Written to the thermometer on the next poll.'}
          </p>
        )}
        <label className="check">
          <input type="checkbox" checked={form.urgent} onChange={(e) => update({ urgent: e.target.checked })} />
          Urgent: rings through quiet hours and repeats until acknowledged
        </label>
      </fieldset>

      <div className="form-error" role="alert">
        {serverError !== null ? <p>{serverError}</p> : null}
      </div>
      <div className="cook-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save alarm'}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
