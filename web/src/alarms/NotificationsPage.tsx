import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { ChannelView } from '../../../shared/api/alarm-schemas';
import { describeError } from '../api/errors';
import { paths } from '../app/routes';
import { formatTimeOfDay } from '../cooks/predictionFormat';
import { useDisplay } from '../settings/useDisplay';
import { fieldIssues, type CreateChannelBody } from './alarmApi';
import { useChannelActions, useChannelsQuery } from './alarmQueries';
import { QuietHoursEditor, describeQuietHours } from './QuietHoursEditor';
import { pushSupport, subscribeThisBrowser } from './webPush';
import './alarms.css';

const PRESETS: ReadonlyArray<{ id: NonNullable<ChannelView['preset']>; label: string; hint: string }> = [
  { id: 'generic', label: 'Generic JSON (signed)', hint: 'Any receiver: a JSON body signed with Pitwatch-Signature.' },
  { id: 'ntfy', label: 'ntfy', hint: 'A topic URL such as https://ntfy.sh/my-pit-alarms.' },
  { id: 'slack', label: 'Slack', hint: 'A Slack incoming-webhook URL.' },
  { id: 'discord', label: 'Discord', hint: 'A Discord channel webhook URL.' },
  { id: 'home-assistant', label: 'Home Assistant', hint: 'A webhook trigger URL: https://…/api/webhook/<id>.' },
];

const STATUS_TEXT: Record<ChannelView['status'], string> = { active: 'Active', 'pending-verification': 'Verification pending: open the link in the email we sent', disabled: 'Off' };

/** `/settings/notifications`: where alarms go besides open pages: this browser (Web Push), webhooks, email, SMS. */
export default function NotificationsPage() {
  const channels = useChannelsQuery();
  const list = channels.data?.channels ?? [];
  return (
    <main className="page page--medium section-stack">
      <div className="page__title-row">
        <h1>Notifications</h1>
        <Link className="button button--quiet" to={paths.alarms()}>
          Alarm rules
        </Link>
      </div>
      {channels.isPending && (
        <p className="loading" role="status">
          Loading…
        </p>
      )}
      {channels.isError && (
        <div className="card banner--error" role="alert">
          <p>{describeError(channels.error)}</p>
        </div>
      )}
      {channels.data !== undefined && (
        <>
          <Section title="Your channels" id="channels-title">
            {list.length === 0 ? (
              <p className="muted">None yet: open pages always show alarms. Add push, a webhook or an email below.</p>
            ) : (
              <ul className="channel-list">
                {[...list]
                  .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
                  .map((channel) => (
                    <ChannelItem key={channel.channelId} channel={channel} />
                  ))}
              </ul>
            )}
          </Section>
          <PushSection vapidPublicKey={channels.data.vapidPublicKey} />
          <WebhookSection />
          {channels.data.email.available && <EmailSection />}
          {channels.data.sms.available && <SmsSection perHour={channels.data.sms.perHour} />}
        </>
      )}
    </main>
  );
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section className="card section-stack" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function ChannelItem({ channel }: { channel: ChannelView }) {
  const { update, remove, test } = useChannelActions();
  const { clock } = useDisplay();
  const nameId = `channel-${channel.channelId}`;
  const error = update.error ?? remove.error ?? test.error;
  const [editingQuiet, setEditingQuiet] = useState(false);
  const quietButton = useRef<HTMLButtonElement>(null);
  const closeQuiet = () => {
    setEditingQuiet(false);
    quietButton.current?.focus();
  };
  return (
    <li className="channel-item" data-testid={nameId}>
      <div className="alarm-rule__head">
        <span id={nameId} className="alarm-rule__title">
          {channel.name} ({channel.type})
        </span>
        <span className={`alarm-state alarm-state--${channel.status === 'active' ? 'armed' : channel.status === 'disabled' ? 'breached' : 'snoozed'}`}>{STATUS_TEXT[channel.status]}</span>
      </div>
      <p className="muted">
        {channel.destination}
        {channel.disabledReason !== null && ` · ${channel.disabledReason}`}
      </p>
      <p className="muted" data-testid={`${nameId}-last`}>
        {channel.lastDelivery === null
          ? 'Nothing sent yet.'
          : `Last delivery ${channel.lastDelivery.status === 'sent' ? 'succeeded' : 'failed'} at ${formatTimeOfDay(Date.parse(channel.lastDelivery.at), clock)}${channel.lastDelivery.detail !== null ? ` (${channel.lastDelivery.detail})` : ''}.`}
        {channel.consecutiveFailures > 0 && ` ${channel.consecutiveFailures} failed in a row.`}
      </p>
      <p className="muted" data-testid={`${nameId}-quiet`}>
        {describeQuietHours(channel.quietHours, clock)}
      </p>
      <div className="alarm-rule__actions">
        <button type="button" className="button button--small" aria-describedby={nameId} disabled={test.isPending || channel.status !== 'active'} onClick={() => test.mutate(channel.channelId)}>
          {test.isSuccess ? 'Test sent' : 'Send test'}
        </button>
        {channel.status !== 'pending-verification' && (
          <button type="button" className="button button--small" aria-describedby={nameId} disabled={update.isPending} onClick={() => update.mutate({ channelId: channel.channelId, patch: { enabled: channel.status === 'disabled' } })}>
            {channel.status === 'disabled' ? 'Turn on' : 'Turn off'}
          </button>
        )}
        <button type="button" ref={quietButton} className="button button--small" aria-describedby={nameId} aria-expanded={editingQuiet} onClick={() => (editingQuiet ? closeQuiet() : setEditingQuiet(true))}>
          Quiet hours…
        </button>
        <button type="button" className="button button--small button--quiet" aria-describedby={nameId} disabled={remove.isPending} onClick={() => remove.mutate(channel.channelId)}>
          Remove
        </button>
      </div>
      {editingQuiet && <QuietHoursEditor channel={channel} onClose={closeQuiet} />}
      {error !== null && (
        <p className="field__error" role="alert">
          {describeError(error)}
        </p>
      )}
    </li>
  );
}

function PushSection({ vapidPublicKey }: { vapidPublicKey: string }) {
  const { create } = useChannelActions();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const support = pushSupport();
  const enable = async () => {
    setProblem(null);
    setBusy(true);
    try {
      const subscription = await subscribeThisBrowser(vapidPublicKey);
      await create.mutateAsync({ type: 'web-push', subscription, name: browserName() });
    } catch (caught) {
      setProblem(caught instanceof Error && caught.name === 'PushRefusedError' ? caught.message : describeError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title="Push to this browser" id="push-title">
      <p className="muted">Alarms reach this phone or computer even with Pitwatch closed, with Acknowledge and Snooze buttons. On iPhone and iPad (iOS 16.4+), add Pitwatch to the Home Screen and enable it from there.</p>
      {support === 'supported' ? (
        <div>
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void enable()}>
            {busy ? 'Enabling…' : 'Enable push on this browser'}
          </button>
        </div>
      ) : (
        <p className="notice">
          {support === 'denied'
            ? 'Notifications are blocked for Pitwatch in this browser. Allow them in the site settings to enable push.'
            : "This browser can't receive push notifications here."}
        </p>
      )}
      <div className="form-error" role="alert">
        {problem !== null ? <p>{problem}</p> : null}
      </div>
    </Section>
  );
}

function browserName(): string {
  const agent = typeof navigator === 'undefined' ? '' : navigator.userAgent;
  const browser = /Edg\//.test(agent) ? 'Edge' : /Firefox\//.test(agent) ? 'Firefox' : /Chrome\//.test(agent) ? 'Chrome' : /Safari\//.test(agent) ? 'Safari' : 'Browser';
  const system = /Android/.test(agent) ? 'Android' : /iPhone|iPad/.test(agent) ? 'iOS' : /Mac OS X/.test(agent) ? 'macOS' : /Windows/.test(agent) ? 'Windows' : /Linux/.test(agent) ? 'Linux' : '';
  return system === '' ? browser : `${browser} on ${system}`;
}

/** One small form: its fields' messages come from the check here or from the API's own refusal. */
function useChannelForm() {
  const { create } = useChannelActions();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const submit = async (body: CreateChannelBody, localErrors: Record<string, string>) => {
    setServerError(null);
    setErrors(localErrors);
    if (Object.keys(localErrors).length > 0) return null;
    try {
      return await create.mutateAsync(body);
    } catch (caught) {
      const byField = fieldIssues(caught);
      setErrors(byField);
      if (Object.keys(byField).length === 0) setServerError(describeError(caught));
      return null;
    }
  };
  return { submit, errors, serverError, busy: create.isPending, clear: () => setErrors({}) };
}

function TextField(props: { id: string; label: string; value: string; onChange(value: string): void; error: string | undefined; hint?: string; type?: string; autoComplete?: string }) {
  const described = [props.error !== undefined ? `${props.id}-error` : null, props.hint !== undefined ? `${props.id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input id={props.id} type={props.type ?? 'text'} autoComplete={props.autoComplete ?? 'off'} value={props.value} onChange={(e) => props.onChange(e.target.value)} aria-invalid={props.error !== undefined} aria-describedby={described} />
      {props.hint !== undefined && (
        <p id={`${props.id}-hint`} className="field__hint">
          {props.hint}
        </p>
      )}
      {props.error !== undefined && (
        <p id={`${props.id}-error`} className="field__error">
          {props.error}
        </p>
      )}
    </div>
  );
}

function WebhookSection() {
  const id = useId();
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [preset, setPreset] = useState<(typeof PRESETS)[number]['id']>('generic');
  const [secret, setSecret] = useState<string | null>(null);
  const form = useChannelForm();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!/^https?:\/\/[^\s/]+/i.test(url.trim())) local.url = 'Enter the receiver’s URL, starting with https://.';
    const created = await form.submit({ type: 'webhook', url: url.trim(), preset, ...(name.trim() === '' ? {} : { name: name.trim() }) }, local);
    if (created === null) return;
    setSecret(created.secret ?? null);
    setUrl('');
    setName('');
  };
  return (
    <Section title="Webhook" id="webhook-title">
      {secret !== null && (
        <div className="secret" role="status" data-testid="webhook-secret">
          <p>
            <strong>Copy the signing secret now: it is shown only this once.</strong> Receivers check <code>Pitwatch-Signature</code> with it.
          </p>
          <code>{secret}</code>
          <div className="alarm-rule__actions">
            <button type="button" className="button button--small" onClick={() => void navigator.clipboard?.writeText(secret).catch(() => undefined)}>
              Copy secret
            </button>
            <button type="button" className="button button--small button--quiet" onClick={() => setSecret(null)}>
              I saved it
            </button>
          </div>
        </div>
      )}
      <form className="alarm-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="webhook-title">
        <div className="field">
          <label htmlFor={`${id}-preset`}>Service</label>
          <select id={`${id}-preset`} value={preset} onChange={(e) => setPreset(e.target.value as typeof preset)} aria-describedby={`${id}-preset-hint`}>
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
          <p id={`${id}-preset-hint`} className="field__hint">
            {PRESETS.find((p) => p.id === preset)?.hint}
          </p>
        </div>
        <TextField id={`${id}-url`} label="URL" type="url" value={url} onChange={(v) => { setUrl(v); form.clear(); }} error={form.errors.url} />
        <TextField id={`${id}-name`} label="Name, optional" value={name} onChange={setName} error={form.errors.name} />
        <div className="form-error" role="alert">
          {form.serverError !== null ? <p>{form.serverError}</p> : null}
        </div>
        <div>
          <button type="submit" className="button button--primary" disabled={form.busy}>
            Add webhook
          </button>
        </div>
      </form>
    </Section>
  );
}

function EmailSection() {
  const id = useId();
  const [address, setAddress] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const form = useChannelForm();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address.trim())) local.address = 'Enter an email address, like cook@example.com.';
    const created = await form.submit({ type: 'email', address: address.trim() }, local);
    if (created === null) return;
    setSent(created.status === 'pending-verification' ? `We sent a verification link to ${created.destination}. Alarms go there once it is opened.` : `Alarms now go to ${created.destination}.`);
    setAddress('');
  };
  return (
    <Section title="Email" id="email-title">
      {sent !== null && (
        <p className="notice" role="status">
          {sent}
        </p>
      )}
      <form className="alarm-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="email-title">
        <TextField id={`${id}-address`} label="Email address" type="email" autoComplete="email" value={address} onChange={(v) => { setAddress(v); form.clear(); }} error={form.errors.address} />
        <div className="form-error" role="alert">
          {form.serverError !== null ? <p>{form.serverError}</p> : null}
        </div>
        <div>
          <button type="submit" className="button button--primary" disabled={form.busy}>
            Add email
          </button>
        </div>
      </form>
    </Section>
  );
}

function SmsSection({ perHour }: { perHour: number }) {
  const id = useId();
  const [phone, setPhone] = useState('');
  const [optIn, setOptIn] = useState(false);
  const form = useChannelForm();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!/^\+[1-9][0-9]{6,14}$/.test(phone.trim())) local.phone = 'Enter the number in international form, e.g. +15555550100.';
    if (!optIn) local.optIn = 'Tick the box to agree to receive text messages.';
    const created = await form.submit({ type: 'sms', phone: phone.trim(), optIn: true }, local);
    if (created !== null) {
      setPhone('');
      setOptIn(false);
    }
  };
  return (
    <Section title="Text message (SMS)" id="sms-title">
      <form className="alarm-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="sms-title">
        <TextField id={`${id}-phone`} label="Phone number" type="tel" autoComplete="tel" value={phone} onChange={(v) => { setPhone(v); form.clear(); }} error={form.errors.phone} hint={`At most ${perHour} texts an hour.`} />
        <div className="field">
          <label className="check">
            <input type="checkbox" checked={optIn} onChange={(e) => setOptIn(e.target.checked)} aria-invalid={form.errors.optIn !== undefined} aria-describedby={form.errors.optIn !== undefined ? `${id}-optin-error` : undefined} />
            Send me alarm text messages (carrier rates may apply)
          </label>
          {form.errors.optIn !== undefined && (
            <p id={`${id}-optin-error`} className="field__error">
              {form.errors.optIn}
            </p>
          )}
        </div>
        <div className="form-error" role="alert">
          {form.serverError !== null ? <p>{form.serverError}</p> : null}
        </div>
        <div>
          <button type="submit" className="button button--primary" disabled={form.busy}>
            Add phone
          </button>
        </div>
      </form>
    </Section>
  );
}
