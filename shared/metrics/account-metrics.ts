/**
 * GET /metrics: an account's devices, latest readings and cooks as Prometheus gauges. Everything is read from what
 * the last poll stored (one Query of the account partition); nothing here calls ThermoWorks.
 */
import type { DeviceView } from '../api/schemas';
import type { LiveCookView } from '../cooks/cook-views';
import { cookStatusOf } from '../integrations/cook-status';
import type { GaugeFamily } from './prometheus-exposition';

const TEMPERATURE_UNITS = { F: 'fahrenheit', C: 'celsius' } as const;

export function accountMetrics(devices: readonly DeviceView[], cooks: readonly LiveCookView[], now: Date): GaugeFamily[] {
  const family = (name: string, help: string): GaugeFamily => ({ name, help, samples: [] });
  const temperature = family('pitwatch_probe_temperature', 'Latest reading of a temperature channel, in its unit (see the unit label). Absent while no probe reads.');
  const battery = family('pitwatch_device_battery_percent', 'Device battery, percent.');
  const signal = family('pitwatch_device_signal_dbm', 'Device Wi-Fi signal strength, dBm.');
  const online = family('pitwatch_device_online', '1 when ThermoWorks reports the device online, else 0.');
  const eta = family('pitwatch_cook_eta_seconds', 'Seconds from now until the probe reaches its target: the estimate and its 80 % interval (bound="estimate|low|high"). Absent while there is not enough data.');
  const target = family('pitwatch_cook_target_fahrenheit', 'Target temperature of a probe in a cook in progress, °F.');
  const stalled = family('pitwatch_cook_stalled', '1 while the probe is in the stall, else 0.');
  const alarm = family('pitwatch_cook_alarm', '1 while the cook needs attention (a probe reached its target, or the pit is dropping), else 0.');

  for (const d of devices) {
    const device = { device: d.serial, device_label: d.label };
    for (const c of d.channels) {
      if (c.units === 'H' || c.value === null) continue; // humidity is not a temperature; an unplugged probe reads nothing
      temperature.samples.push({ labels: { device: d.serial, channel: c.number, label: c.label, unit: TEMPERATURE_UNITS[c.units] }, value: c.value });
    }
    if (d.battery !== null) battery.samples.push({ labels: device, value: d.battery });
    if (d.wifiDbm !== null) signal.samples.push({ labels: device, value: d.wifiDbm });
    online.samples.push({ labels: device, value: d.online ? 1 : 0 });
  }
  for (const cook of cooks) {
    const status = cookStatusOf(cook);
    for (const p of status.probes) {
      const labels = { device: cook.serial, channel: p.channel, meat: p.meat ?? '' };
      for (const [bound, at] of [['estimate', p.etaAt], ['low', p.etaLowAt], ['high', p.etaHighAt]] as const) {
        if (at !== null) eta.samples.push({ labels: { ...labels, bound }, value: Math.round((Date.parse(at) - now.getTime()) / 1000) });
      }
      target.samples.push({ labels, value: p.targetF });
      stalled.samples.push({ labels, value: p.stalled ? 1 : 0 });
    }
    alarm.samples.push({ labels: { device: cook.serial }, value: status.alarm ? 1 : 0 });
  }
  return [temperature, battery, signal, online, eta, target, stalled, alarm];
}
