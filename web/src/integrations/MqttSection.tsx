/** Home Assistant through MQTT discovery: the broker's settings, a connection test, the status and its last error. */
import { useEffect, useId, useState } from 'react';
import type { MqttIntegrationView } from './integrationsApi';
import { describeError } from '../api/errors';
import { useMqttActions, useMqttIntegrationQuery } from './integrationsApi';
import { formatClock } from '../cooks/predictionFormat';
import { useNow } from '../devices/useNow';
import type { Display } from '../settings/useDisplay';
import { DEFAULT_DISCOVERY_PREFIX, validateMqttForm, type MqttFormErrors, type MqttFormValues } from './mqttForm';

const emptyForm: MqttFormValues = { url: '', username: '', password: '', discoveryPrefix: DEFAULT_DISCOVERY_PREFIX };

const formOf = (view: MqttIntegrationView | null): MqttFormValues =>
  view === null ? emptyForm : { url: view.url, username: view.username ?? '', password: '', discoveryPrefix: view.discoveryPrefix };

export function MqttSection({ display }: { display: Display }) {
  const mqtt = useMqttIntegrationQuery();
  const { save, test, remove } = useMqttActions();
  const nowMs = useNow();
  const id = useId();
  const [values, setValues] = useState<MqttFormValues>(emptyForm);
  const [errors, setErrors] = useState<MqttFormErrors>({});
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [removedNote, setRemovedNote] = useState<string | null>(null);
  const view = mqtt.data ?? null;
  const loadedUrl = view?.url;
  // The form starts from what is stored once it is known, and again when another broker is stored (never the
  // password: it is not shown again); the 30 s refresh of the status leaves what the user is typing alone.
  useEffect(() => {
    if (mqtt.isSuccess) setValues(formOf(mqtt.data));
  }, [mqtt.isSuccess, loadedUrl]);
  const when = (iso: string) => formatClock(Date.parse(iso), nowMs, display.clock);
  const set = (field: keyof MqttFormValues) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));
  const fieldProps = (field: keyof MqttFormValues) => ({
    id: `${id}-${field}`,
    value: values[field],
    onChange: set(field),
    'aria-invalid': errors[field] !== undefined,
    'aria-describedby': errors[field] !== undefined ? `${id}-${field}-error` : `${id}-${field}-hint`,
  });
  const fieldError = (field: keyof MqttFormValues) =>
    errors[field] !== undefined && (
      <p id={`${id}-${field}-error`} className="form-error">
        {errors[field]}
      </p>
    );
  const serverError = save.error ?? test.error ?? remove.error ?? mqtt.error;

  return (
    <section className="card integrations__section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Home Assistant (MQTT)</h2>
      <p className="muted">
        Pitwatch publishes every thermometer to your MQTT broker with Home Assistant’s discovery: each one appears as a device with its probes, battery, Wi-Fi and, while a cook runs,
        its target, done time and phase. Turn on Home Assistant’s MQTT integration on the same broker.
      </p>
      {mqtt.isPending && <p role="status">Loading…</p>}
      {view !== null && <MqttStatus view={view} when={when} />}
      {!mqtt.isPending && (
        <form
          className="integrations__form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setRemovedNote(null);
            const checked = validateMqttForm(values);
            if ('errors' in checked) return setErrors(checked.errors);
            setErrors({});
            void save.mutateAsync(checked.body).then(() => setValues((v) => ({ ...v, password: '' })), () => undefined);
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-url`}>Broker address</label>
            <input {...fieldProps('url')} placeholder="mqtt://192.168.1.10:1883" inputMode="url" autoComplete="off" spellCheck={false} />
            <p id={`${id}-url-hint`} className="field__hint">
              mqtt:// or mqtts:// (TLS), with the port if not 1883 / 8883.
            </p>
            {fieldError('url')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-username`}>Username</label>
            <input {...fieldProps('username')} autoComplete="off" />
            <p id={`${id}-username-hint`} className="field__hint">
              Leave empty if the broker takes anonymous clients.
            </p>
            {fieldError('username')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>Password</label>
            <input {...fieldProps('password')} type="password" autoComplete="new-password" />
            <p id={`${id}-password-hint`} className="field__hint">
              {view?.hasPassword ? 'Stored encrypted and never shown. Enter it again when you save changes.' : 'Stored encrypted and never shown again.'}
            </p>
            {fieldError('password')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-discoveryPrefix`}>Discovery prefix</label>
            <input {...fieldProps('discoveryPrefix')} autoComplete="off" spellCheck={false} />
            <p id={`${id}-discoveryPrefix-hint`} className="field__hint">
              Home Assistant’s default is homeassistant.
            </p>
            {fieldError('discoveryPrefix')}
          </div>
          <div className="integrations__actions">
            <button type="submit" className="button button--primary" disabled={save.isPending}>
              {view === null ? 'Connect Home Assistant' : 'Save changes'}
            </button>
            {view !== null && (
              <button type="button" className="button" disabled={test.isPending} onClick={() => test.mutate()}>
                {test.isPending ? 'Testing…' : 'Test connection'}
              </button>
            )}
            {view !== null && !confirmRemove && (
              <button type="button" className="button button--quiet" onClick={() => setConfirmRemove(true)}>
                Remove
              </button>
            )}
          </div>
        </form>
      )}
      {confirmRemove && view !== null && (
        <div className="integrations__actions" role="group" aria-label="Remove the MQTT integration?">
          <span>Remove it? Home Assistant’s Pitwatch entities are cleared from the broker.</span>
          <button
            type="button"
            className="button button--primary"
            disabled={remove.isPending}
            onClick={() =>
              void remove.mutateAsync().then(
                (removed) => {
                  setConfirmRemove(false);
                  setValues(emptyForm);
                  setRemovedNote(removed.message ?? `Removed; ${removed.cleared} retained topics cleared from the broker.`);
                },
                () => setConfirmRemove(false),
              )
            }
          >
            Yes, remove
          </button>
          <button type="button" className="button button--quiet" onClick={() => setConfirmRemove(false)}>
            Keep it
          </button>
        </div>
      )}
      <p className="muted" role="status">
        {save.isSuccess && !save.isPending ? 'Saved. Pitwatch publishes on its next poll.' : ''}
        {test.data !== undefined ? ` ${test.data.ok ? `Test passed (${test.data.latencyMs ?? '?'} ms).` : `Test failed: ${test.data.message}`}` : ''}
        {removedNote !== null ? ` ${removedNote}` : ''}
      </p>
      <p className="form-error" role="alert">
        {serverError !== null ? describeError(serverError) : null}
      </p>
    </section>
  );
}

function MqttStatus({ view, when }: { view: MqttIntegrationView; when: (iso: string) => string }) {
  const { status } = view;
  const label = status.state === 'ok' ? 'Publishing' : status.state === 'failing' ? 'Failing' : 'Waiting for the first publish';
  return (
    <dl className="integrations__status" data-testid="mqtt-status">
      <div>
        <dt>Status</dt>
        <dd>
          <span className={`tag integrations__state integrations__state--${status.state}`}>{label}</span>
          {status.state === 'ok' && ` · ${view.entities} entities in Home Assistant`}
        </dd>
      </div>
      {status.message !== null && (
        <div>
          <dt>Last error</dt>
          <dd>{status.message}</dd>
        </div>
      )}
      {status.lastSuccessAt !== null && (
        <div>
          <dt>Last published</dt>
          <dd>{when(status.lastSuccessAt)}</dd>
        </div>
      )}
      {status.state === 'failing' && status.retryAt !== null && (
        <div>
          <dt>Next try</dt>
          <dd>
            {when(status.retryAt)} ({status.consecutiveFailures} failed in a row)
          </dd>
        </div>
      )}
    </dl>
  );
}
