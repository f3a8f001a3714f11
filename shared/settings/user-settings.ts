/**
 * A user's display settings: units, 12/24-hour clock, time zone and theme. Stored per user on the server so the phone
 * at the smoker and the laptop inside agree; what was never set reads as the default.
 */
import type { Clock } from '../clock';
import type { SettingsPatch } from '../api/settings-schemas';
import type { SettingsStore, UserSettings } from './settings-store';

/** °F (ThermoWorks' own default), 12-hour clock, the screen's own time zone, the system theme. */
export const DEFAULT_SETTINGS: UserSettings = { units: 'F', clock: '12h', timeZone: null, theme: 'system' };

export function withDefaults(stored: Partial<UserSettings> | undefined): UserSettings {
  return {
    units: stored?.units ?? DEFAULT_SETTINGS.units,
    clock: stored?.clock ?? DEFAULT_SETTINGS.clock,
    timeZone: stored?.timeZone === undefined ? DEFAULT_SETTINGS.timeZone : stored.timeZone,
    theme: stored?.theme ?? DEFAULT_SETTINGS.theme,
  };
}

export async function getSettings(userId: string, deps: { settings: SettingsStore }): Promise<UserSettings> {
  return withDefaults(await deps.settings.get(userId));
}

export async function updateSettings(userId: string, patch: SettingsPatch, deps: { settings: SettingsStore; clock: Clock }): Promise<UserSettings> {
  return withDefaults(await deps.settings.update(userId, patch, deps.clock.now().toISOString()));
}
