/**
 * A cook alert as the user reads it: the probe by its name ("Chicken", not "Probe 1": the server names probes by
 * channel) and temperatures in the display units.
 */
import type { CookAlert } from '../../../shared/api/schemas';
import { convertTemperaturesInText, type TemperatureUnits } from '../settings/temperature';

export function alertText(alert: Pick<CookAlert, 'channel' | 'message'>, probeName: (channel: string) => string | undefined, units: TemperatureUnits): string {
  let text = alert.message;
  if (alert.channel !== null) {
    const name = probeName(alert.channel)?.trim();
    if (name !== undefined && name !== '') {
      // "Probe 2" or "Brisket (channel 2)": whatever the server called the probe, at the start of the sentence.
      text = text.replace(new RegExp(`^(Probe ${alert.channel}\\b|[^.:]*?\\(channel ${alert.channel}\\))`), name);
    }
  }
  return convertTemperaturesInText(text, units);
}
