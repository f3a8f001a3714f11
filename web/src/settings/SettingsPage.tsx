import { useId, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { paths } from '../app/routes';
import type { SettingsPatch, UserSettingsView } from '../../../shared/api/settings-schemas';
import { useSettingsQuery, useUpdateSettings } from '../api/queries';
import { describeError } from '../api/errors';
import { DEFAULT_SETTINGS } from './settingsCache';
import { SessionsSection } from './SessionsSection';
import { deviceTimeZone, timeZoneOptions } from './timeZones';
import { displayFrom } from './useDisplay';

/** `/settings`: display settings, saved on the server as they change (so every screen agrees), and sessions. */
export default function SettingsPage() {
  const { data } = useSettingsQuery();
  const update = useUpdateSettings();
  // The settings cache tells the page of an optimistic change a moment after the click, and React puts a controlled
  // input back until then: the old choice flickered back, and a quick second click could land on it. What was just
  // chosen shows at once; once the last save settles, the cache (the server's answer, or the old settings) decides.
  const [choosing, setChoosing] = useState<SettingsPatch>({});
  const settings: UserSettingsView = { ...(data ?? DEFAULT_SETTINGS), ...choosing };
  const change = (patch: SettingsPatch) => {
    setChoosing((earlier) => ({ ...earlier, ...patch }));
    update.mutate(patch, { onSettled: () => setChoosing({}) });
  };
  const zoneId = useId();

  return (
    <main className="page page--medium">
      <h1>Settings</h1>
      <section className="card settings__section" aria-labelledby="display-title">
        <h2 id="display-title">Display</h2>
        <Choice
          legend="Temperatures in"
          name="units"
          value={settings.units}
          options={[
            ['F', '°F (Fahrenheit)'],
            ['C', '°C (Celsius)'],
          ]}
          onChange={(units) => change({ units })}
        />
        <Choice
          legend="Clock"
          name="clock"
          value={settings.clock}
          options={[
            ['12h', '12-hour (2:05 PM)'],
            ['24h', '24-hour (14:05)'],
          ]}
          onChange={(clock) => change({ clock })}
        />
        <div className="field">
          <label htmlFor={zoneId}>Time zone</label>
          <select
            id={zoneId}
            value={settings.timeZone ?? ''}
            onChange={(e) => change({ timeZone: e.target.value === '' ? null : e.target.value })}
          >
            <option value="">This screen's own ({deviceTimeZone()})</option>
            {timeZoneOptions(settings.timeZone).map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
        </div>
        <Choice
          legend="Theme"
          name="theme"
          value={settings.theme}
          options={[
            ['system', 'Like the system'],
            ['dark', 'Dark'],
            ['light', 'Light'],
          ]}
          onChange={(theme) => change({ theme })}
        />
        <p className="form-error" role="alert">
          {update.error !== null ? `Couldn't save: ${describeError(update.error)}` : null}
        </p>
      </section>
      <section className="card settings__section" aria-labelledby="more-title">
        <h2 id="more-title">Alarms and other tools</h2>
        <ul className="settings__links">
          <li>
            <Link to={paths.notifications()}>Notifications</Link>: push, webhooks, email and SMS for your alarms
          </li>
          <li>
            <Link to={paths.integrations()}>Integrations</Link>: Home Assistant (MQTT), API tokens for Prometheus, scripts and
            assistants
          </li>
          <li>
            <Link to={paths.plan()}>Plan a cook</Link>: when to start so that dinner is on time
          </li>
        </ul>
      </section>
      <SessionsSection display={displayFrom(settings)} />
    </main>
  );
}

function Choice<K extends keyof UserSettingsView & string, V extends string>({
  legend,
  name,
  value,
  options,
  onChange,
}: {
  legend: ReactNode;
  name: K;
  value: V;
  options: Array<[V, string]>;
  onChange(value: V): void;
}) {
  return (
    <fieldset className="choice">
      <legend>{legend}</legend>
      <div className="choice__options">
        {options.map(([option, label]) => (
          <label key={option} className="choice__option">
            <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
