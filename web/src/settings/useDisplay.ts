/** How to show things for this user: display units and clock options from their settings. */
import { useMemo } from 'react';
import type { UserSettingsView } from '../../../shared/api/settings-schemas';
import { useSettingsQuery } from '../api/queries';
import type { ClockOptions } from '../cooks/predictionFormat';
import { DEFAULT_SETTINGS } from './settingsCache';
import type { TemperatureUnits } from './temperature';

export interface Display {
  units: TemperatureUnits;
  clock: ClockOptions;
}

export function displayFrom(settings: UserSettingsView): Display {
  return {
    units: settings.units,
    clock: { hour12: settings.clock === '12h', ...(settings.timeZone !== null ? { timeZone: settings.timeZone } : {}) },
  };
}

export function useDisplay(): Display {
  const { data } = useSettingsQuery();
  const settings = data ?? DEFAULT_SETTINGS;
  return useMemo(() => displayFrom(settings), [settings]);
}
