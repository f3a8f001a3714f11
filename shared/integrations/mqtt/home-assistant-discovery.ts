/**
 * What Home Assistant should see of an account, as MQTT messages, following HA's MQTT discovery documentation:
 * one retained discovery config per entity at `<prefix>/<component>/<unique_id>/config` (the documented best practice
 * for entities with a unique_id), one HA device per thermometer, and retained state topics under `pitwatch/<device>/`:
 * - `state`: JSON of the channels (°F/°C/%RH), battery, Wi-Fi signal and connectivity, as polled;
 * - `availability`: `online`/`offline`, from the device's health; every entity but the connectivity sensor uses it
 *   (a device that is offline shows as unavailable, while its connectivity sensor says "disconnected");
 * - `cook`: JSON of a cook in progress (targets, done-times, phases, alarm and the latest alert).
 * Pure: from the stored account partition to the messages; the publisher diffs them against what it left retained.
 */
import type { LiveCookView } from '../../cooks/cook-views';
import type { DeviceRecord, LatestReading } from '../../devices/device-store';
import { cookStatusOf } from '../cook-status';

export const STATE_TOPIC_ROOT = 'pitwatch';
const PHASES = ['heating', 'stall', 'post_stall', 'done', 'unknown'] as const;
const ORIGIN = { name: 'Pitwatch', sw_version: '0.1.0' };

export interface DiscoveryMessage {
  topic: string;
  /** JSON; published retained, QoS 1. */
  payload: string;
}

export interface AccountMessages {
  /** Discovery configs every entity needs now, by topic. */
  configs: Map<string, string>;
  /** State and availability payloads, by topic (retained, so HA has them after a restart). */
  states: Map<string, string>;
}

/** An MQTT topic level (and unique_id part) from a serial: `12:34:56:78:90:AB` → `12_34_56_78_90_ab`. */
export function topicId(serial: string): string {
  return serial.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
}

export function deviceTopics(serial: string) {
  const base = `${STATE_TOPIC_ROOT}/${topicId(serial)}`;
  return { state: `${base}/state`, availability: `${base}/availability`, cook: `${base}/cook` };
}

const MODELS: Record<string, string> = {
  signals: 'Signals',
  smoke: 'Smoke',
  'smoke gateway': 'Smoke Gateway',
  node: 'Node',
  datalogger: 'Node',
  rfx: 'RFX',
  'rfx gateway': 'RFX Gateway',
  bluedot: 'BlueDOT',
};

function modelOf(kind: string): string {
  return MODELS[kind.toLowerCase()] ?? (kind === '' ? 'Wireless thermometer' : kind[0]!.toUpperCase() + kind.slice(1));
}

export function homeAssistantMessages(
  account: { devices: readonly DeviceRecord[]; latest: readonly LatestReading[]; cooks: readonly LiveCookView[] },
  discoveryPrefix: string,
): AccountMessages {
  const configs = new Map<string, string>();
  const states = new Map<string, string>();
  for (const device of account.devices) {
    const id = topicId(device.serial);
    const topics = deviceTopics(device.serial);
    const haDevice = {
      identifiers: [`thermoworks_${id}`],
      manufacturer: 'ThermoWorks',
      model: modelOf(device.kind),
      name: device.label,
      serial_number: device.serial,
      ...(device.firmware ? { sw_version: device.firmware } : {}),
    };
    const entity = (component: 'sensor' | 'binary_sensor', suffix: string, config: Record<string, unknown>, available = true) => {
      const uniqueId = `pitwatch_${id}_${suffix}`;
      configs.set(
        `${discoveryPrefix}/${component}/${uniqueId}/config`,
        JSON.stringify({
          unique_id: uniqueId,
          object_id: uniqueId,
          ...config,
          ...(available ? { availability_topic: topics.availability, payload_available: 'online', payload_not_available: 'offline' } : {}),
          qos: 1,
          device: haDevice,
          origin: ORIGIN,
        }),
      );
    };

    const channels = account.latest.filter((l) => l.serial === device.serial).sort((a, b) => Number(a.channel) - Number(b.channel));
    const state: Record<string, number | string | null> = {};
    for (const c of channels) {
      const key = `ch${c.channel}`;
      state[key] = c.probeConnected ? c.value : null;
      entity('sensor', key, {
        name: c.label || `Channel ${c.channel}`,
        state_topic: topics.state,
        value_template: `{{ value_json.${key} }}`,
        ...(c.units === 'H'
          ? { device_class: 'humidity', unit_of_measurement: '%' }
          : { device_class: 'temperature', unit_of_measurement: c.units === 'C' ? '°C' : '°F' }),
        state_class: 'measurement',
        suggested_display_precision: 1,
      });
    }
    state.battery = device.battery;
    state.wifi = device.wifiDbm;
    state.online = device.online ? 'ON' : 'OFF';
    entity('sensor', 'battery', {
      name: 'Battery', state_topic: topics.state, value_template: '{{ value_json.battery }}', device_class: 'battery',
      unit_of_measurement: '%', state_class: 'measurement', entity_category: 'diagnostic',
    });
    entity('sensor', 'wifi', {
      name: 'Wi-Fi signal', state_topic: topics.state, value_template: '{{ value_json.wifi }}', device_class: 'signal_strength',
      unit_of_measurement: 'dBm', state_class: 'measurement', entity_category: 'diagnostic',
    });
    entity('binary_sensor', 'online', {
      name: 'Connectivity', state_topic: topics.state, value_template: '{{ value_json.online }}', device_class: 'connectivity',
      payload_on: 'ON', payload_off: 'OFF', entity_category: 'diagnostic',
    }, false);
    states.set(topics.state, JSON.stringify(state));
    states.set(topics.availability, device.online ? 'online' : 'offline');

    const cook = account.cooks.find((c) => c.serial === device.serial);
    if (!cook) continue;
    const status = cookStatusOf(cook);
    const cookState: Record<string, unknown> = {
      alarm: status.alarm ? 'ON' : 'OFF',
      alert: status.latestAlert ? { kind: status.latestAlert.kind, message: status.latestAlert.message, at: status.latestAlert.at } : null,
      started_at: status.startedAt,
    };
    for (const p of status.probes) {
      const label = channels.find((c) => c.channel === p.channel)?.label || `Channel ${p.channel}`;
      const key = `ch${p.channel}`;
      cookState[`${key}_target`] = p.targetF;
      cookState[`${key}_done`] = p.etaAt;
      cookState[`${key}_done_low`] = p.etaLowAt;
      cookState[`${key}_done_high`] = p.etaHighAt;
      cookState[`${key}_phase`] = p.phase;
      entity('sensor', `${key}_target`, {
        name: `${label} target`, state_topic: topics.cook, value_template: `{{ value_json.${key}_target }}`,
        device_class: 'temperature', unit_of_measurement: '°F', suggested_display_precision: 1,
      });
      entity('sensor', `${key}_done`, {
        name: `${label} done`, state_topic: topics.cook, value_template: `{{ value_json.${key}_done }}`, device_class: 'timestamp',
        json_attributes_topic: topics.cook,
        json_attributes_template: `{{ {"earliest": value_json.${key}_done_low, "latest": value_json.${key}_done_high} | tojson }}`,
      });
      entity('sensor', `${key}_phase`, {
        name: `${label} phase`, state_topic: topics.cook, value_template: `{{ value_json.${key}_phase }}`, device_class: 'enum', options: [...PHASES],
      });
    }
    entity('binary_sensor', 'alarm', {
      name: 'Cook alarm', state_topic: topics.cook, value_template: '{{ value_json.alarm }}', device_class: 'problem',
      payload_on: 'ON', payload_off: 'OFF', json_attributes_topic: topics.cook, json_attributes_template: '{{ (value_json.alert or {}) | tojson }}',
    });
    states.set(topics.cook, JSON.stringify(cookState));
  }
  return { configs, states };
}
