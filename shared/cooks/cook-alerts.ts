/**
 * From predictions and pit events to the alerts a cook sees: the cook-intelligence triggers (edge-triggered, state
 * kept on the cook) turned into short, ready-to-show messages.
 */
import type { CookAlert } from '../api/schemas';
import type { CookAlarmTrigger } from '../cook/alarms/cook-alarm-trigger';
import { fromFahrenheit, type TemperatureUnit } from '../cook/units';

function minutes(seconds: number): string {
  const m = Math.max(1, Math.round(seconds / 60));
  return m < 90 ? `${m} min` : `${(m / 60).toFixed(1)} h`;
}

export function alertFor(trigger: CookAlarmTrigger, probeLabel: (channel: string) => string, units: TemperatureUnit): CookAlert {
  const temp = (f: number) => `${Math.round(fromFahrenheit(f, units))} °${units}`;
  const at = new Date(trigger.atMs).toISOString();
  switch (trigger.kind) {
    case 'eta-within':
      return { kind: trigger.kind, channel: trigger.probe, at, message: `${probeLabel(trigger.probe)} will be done in about ${minutes(trigger.etaSeconds)}.` };
    case 'target-reached':
      return { kind: trigger.kind, channel: trigger.probe, at, message: `${probeLabel(trigger.probe)} reached its target (${temp(trigger.targetF)}).` };
    case 'stall-started':
      return { kind: trigger.kind, channel: trigger.probe, at, message: `${probeLabel(trigger.probe)} has stalled at ${temp(trigger.temperatureF)}: normal for big cuts; wrapping speeds it up.` };
    case 'stall-ended':
      return { kind: trigger.kind, channel: trigger.probe, at, message: `${probeLabel(trigger.probe)} is out of the stall and climbing again.` };
    case 'pit-dropping':
      return { kind: trigger.kind, channel: null, at, message: `The pit is dropping: ${temp(trigger.levelF)}, down from ${temp(trigger.holdingF)}. Check the fuel.` };
    case 'pit-recovered':
      return { kind: trigger.kind, channel: null, at, message: `The pit has recovered (${temp(trigger.levelF)}).` };
    case 'lid-open':
      return { kind: trigger.kind, channel: null, at, message: `Lid opened: the pit dipped ${Math.round(trigger.dropF)} °F and recovered.` };
  }
}
