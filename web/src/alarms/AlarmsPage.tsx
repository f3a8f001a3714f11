import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { AlarmView, ChannelView } from '../../../shared/api/alarm-schemas';
import type { DeviceView } from '../../../shared/api/schemas';
import { describeError } from '../api/errors';
import { useDevicesQuery, useSettingsQuery } from '../api/queries';
import { paths } from '../app/routes';
import { useNow } from '../devices/useNow';
import { formatTimeOfDay } from '../cooks/predictionFormat';
import { convertTemperature, type TemperatureUnits } from '../settings/temperature';
import { useDisplay, type Display } from '../settings/useDisplay';
import { useAlarmActions, useAlarmsQuery, useChannelsQuery } from './alarmQueries';
import { RULE_STATE_LABEL, describeRule, initialRuleForm, ruleState, type RuleFormState } from './ruleFormValues';
import { RuleForm } from './RuleForm';
import './alarms.css';

const SNOOZE_CHOICES = [10, 30, 60, 120];
const DEVICE_ALARM_TEXT: Record<NonNullable<AlarmView['deviceAlarm']>['status'], string> = {
  pending: 'written on the next poll',
  written: 'set, it beeps too',
  failed: 'could not be set',
  unsupported: 'not possible',
  removing: 'being turned off',
  off: 'off while this rule is off',
};

/** `/alarms`: the account's alarm rules per device and probe, with their state; add, switch off, snooze, delete. */
export default function AlarmsPage() {
  const devices = useDevicesQuery();
  const alarms = useAlarmsQuery();
  const channels = useChannelsQuery();
  const display = useDisplay();
  const [params, setParams] = useSearchParams();
  const [formOpen, setFormOpen] = useState<RuleFormState | null>(null);
  const { create } = useAlarmActions();

  // A probe card's "Alert me at …" link opens the form on that probe, once.
  const linked = params.get('serial');
  const firstDevice = devices.data?.[0];
  const openFor = (serial: string, channel?: string) => setFormOpen(initialRuleForm({ serial, ...(channel !== undefined && { channel }), units: display.units }));
  // The temperature is converted into the user's units: wait for their settings, not the placeholder.
  const settings = useSettingsQuery();
  const loaded = devices.data !== undefined && !settings.isPlaceholderData;
  useEffect(() => {
    if (linked === null || !loaded) return;
    // "203F": the temperature as the card showed it; typed in the display units from then on.
    const given = /^(-?\d+(?:\.\d+)?)([FC])$/.exec(params.get('threshold') ?? '');
    const threshold = given === null ? null : Math.round(convertTemperature(Number(given[1]), given[2] as TemperatureUnits, display.units));
    setFormOpen(initialRuleForm({ serial: linked, channel: params.get('channel') ?? '', units: display.units, threshold }));
    setParams({}, { replace: true });
  }, [linked, loaded, params, setParams, display.units]);

  const deviceList = devices.data ?? [];
  const rules = alarms.data ?? [];
  const channelList = channels.data?.channels ?? [];

  return (
    <main className="page page--medium section-stack">
      <div className="page__title-row">
        <h1>Alarms</h1>
        <div className="alarm-rule__actions">
          <Link className="button button--quiet" to={paths.alarmEvents()}>
            History
          </Link>
          <Link className="button button--quiet" to={paths.notifications()}>
            Notifications
          </Link>
          {formOpen === null && firstDevice !== undefined && (
            <button type="button" className="button button--primary" onClick={() => openFor(firstDevice.serial)}>
              New alarm
            </button>
          )}
        </div>
      </div>

      {formOpen !== null && deviceList.length > 0 && (
        <RuleForm
          key={`${formOpen.serial}:${formOpen.channel}:${formOpen.threshold}`}
          devices={deviceList}
          channels={channelList}
          initial={formOpen}
          onCreate={async (request) => {
            await create.mutateAsync(request);
            setFormOpen(null);
          }}
          onCancel={() => setFormOpen(null)}
        />
      )}

      {(devices.isError || alarms.isError) && (
        <div className="card banner--error" role="alert">
          <p>{describeError(devices.error ?? alarms.error)}</p>
        </div>
      )}
      {(devices.isPending || alarms.isPending) && !devices.isError && !alarms.isError && (
        <p className="loading" role="status">
          Loading…
        </p>
      )}
      {alarms.data !== undefined && rules.length === 0 && formOpen === null && (
        <div className="card empty">
          <p className="empty__title">No alarms yet</p>
          <p className="muted">Add one here, or from a probe in the live view ("Alert me at…").</p>
        </div>
      )}

      {alarms.data !== undefined &&
        groupBySerial(rules, deviceList).map(({ serial, label, device, alarms: deviceRules }) => (
          <section key={serial} className="card alarm-group" aria-labelledby={`alarms-${serial}`}>
            <div className="alarm-rule__head">
              <h2 id={`alarms-${serial}`}>{label}</h2>
              {device !== undefined && (
                <button type="button" className="button button--small" onClick={() => openFor(serial)}>
                  Add alarm on {label}
                </button>
              )}
            </div>
            <ul className="alarm-list">
              {deviceRules.map((alarm) => (
                <RuleItem key={alarm.alarmId} alarm={alarm} device={device} channels={channelList} display={display} />
              ))}
            </ul>
          </section>
        ))}
    </main>
  );
}

function groupBySerial(rules: AlarmView[], devices: DeviceView[]) {
  const serials = [...new Set(rules.map((r) => r.serial))];
  return serials.map((serial) => {
    const device = devices.find((d) => d.serial === serial);
    const sorted = rules.filter((r) => r.serial === serial).sort((a, b) => (a.channel ?? '').localeCompare(b.channel ?? '') || a.createdAt.localeCompare(b.createdAt));
    return { serial, device, label: device?.label ?? serial, alarms: sorted };
  });
}

function RuleItem({ alarm, device, channels, display }: { alarm: AlarmView; device: DeviceView | undefined; channels: ChannelView[]; display: Display }) {
  const nowMs = useNow(30_000);
  const { update, remove } = useAlarmActions();
  const [snooze, setSnooze] = useState(SNOOZE_CHOICES[0]!);
  const state = ruleState(alarm, nowMs);
  const probe = alarm.channel === null ? 'The thermometer' : (device?.channels.find((c) => c.number === alarm.channel)?.label ?? `Channel ${alarm.channel}`);
  const title = alarm.name ?? `${probe}: ${describeRule(alarm, display.units)}`;
  const notifyNames = alarm.notify.map((id) => channels.find((c) => c.channelId === id)?.name ?? 'a removed channel');
  const busy = update.isPending || remove.isPending;
  const error = update.error ?? remove.error;
  const titleId = `alarm-${alarm.alarmId}`;

  return (
    <li className="alarm-rule" aria-labelledby={titleId} data-testid={`alarm-${alarm.alarmId}`}>
      <div className="alarm-rule__head">
        <span id={titleId} className="alarm-rule__title">
          {title}
        </span>
        <span className={`alarm-state alarm-state--${state}`} data-testid={`alarm-state-${alarm.alarmId}`}>
          {RULE_STATE_LABEL[state]}
          {state === 'snoozed' && alarm.snoozedUntil !== null && ` until ${formatTimeOfDay(Date.parse(alarm.snoozedUntil), display.clock)}`}
        </span>
      </div>
      <p className="muted">
        {alarm.name !== null && `${probe}: ${describeRule(alarm, display.units)}. `}
        {alarm.urgent ? 'Urgent, repeats until acknowledged. ' : ''}
        Notifies {notifyNames.length === 0 ? 'open pages only' : `open pages and ${notifyNames.join(', ')}`}.
        {alarm.deviceAlarm !== null && ` On the thermometer: ${DEVICE_ALARM_TEXT[alarm.deviceAlarm.status]}${alarm.deviceAlarm.detail !== null ? ` (${alarm.deviceAlarm.detail})` : ''}.`}
      </p>
      <div className="alarm-rule__actions">
        <button type="button" className="button button--small" aria-describedby={titleId} disabled={busy} onClick={() => update.mutate({ alarmId: alarm.alarmId, patch: { enabled: !alarm.enabled } })}>
          {alarm.enabled ? 'Turn off' : 'Turn on'}
        </button>
        {state === 'snoozed' ? (
          <button type="button" className="button button--small" aria-describedby={titleId} disabled={busy} onClick={() => update.mutate({ alarmId: alarm.alarmId, patch: { snoozeMinutes: 0 } })}>
            End snooze
          </button>
        ) : (
          alarm.enabled && (
            <>
              <label className="visually-hidden" htmlFor={`${titleId}-snooze`}>
                Snooze for
              </label>
              <select id={`${titleId}-snooze`} className="button button--small" value={snooze} onChange={(e) => setSnooze(Number(e.target.value))}>
                {SNOOZE_CHOICES.map((m) => (
                  <option key={m} value={m}>
                    {m} min
                  </option>
                ))}
              </select>
              <button type="button" className="button button--small" aria-describedby={titleId} disabled={busy} onClick={() => update.mutate({ alarmId: alarm.alarmId, patch: { snoozeMinutes: snooze } })}>
                Snooze
              </button>
            </>
          )
        )}
        <button type="button" className="button button--small button--quiet" aria-describedby={titleId} disabled={busy} onClick={() => remove.mutate(alarm.alarmId)}>
          Delete
        </button>
      </div>
      {error !== null && (
        <p className="field__error" role="alert">
          {describeError(error)}
        </p>
      )}
    </li>
  );
}
