/**
 * The MQTT form's own checks, in the user's terms, before anything is sent (the server checks again, and also
 * refuses brokers on private or metadata addresses: its URL_REFUSED message is shown as it comes).
 */
import type { PutMqttBody } from './integrationsApi';

export interface MqttFormValues {
  url: string;
  username: string;
  password: string;
  discoveryPrefix: string;
}

export type MqttFormErrors = Partial<Record<keyof MqttFormValues, string>>;

export const DEFAULT_DISCOVERY_PREFIX = 'homeassistant';

export function validateMqttForm(values: MqttFormValues): { body: PutMqttBody } | { errors: MqttFormErrors } {
  const errors: MqttFormErrors = {};
  const raw = values.url.trim();
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (raw === '') errors.url = 'Enter the broker’s address, such as mqtt://192.168.1.10:1883.';
  else if (!url || (url.protocol !== 'mqtt:' && url.protocol !== 'mqtts:') || url.hostname === '') errors.url = 'Use an mqtt:// or mqtts:// address with a host, such as mqtts://broker.example.com:8883.';
  else if (url.username !== '' || url.password !== '') errors.url = 'Put the username and password in their own fields, not in the address.';
  else if ((url.pathname !== '' && url.pathname !== '/') || url.search !== '' || url.hash !== '') errors.url = 'The address takes a host and a port only, no path.';
  const prefix = values.discoveryPrefix.trim();
  if (prefix !== '' && !/^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/.test(prefix)) errors.discoveryPrefix = 'Letters, digits, _ and - only, in levels split by /, such as homeassistant.';
  if (values.password !== '' && values.username.trim() === '') errors.username = 'A password needs a username.';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    body: {
      url: `${url!.protocol}//${url!.host}`,
      ...(values.username.trim() !== '' ? { username: values.username.trim() } : {}),
      ...(values.password !== '' ? { password: values.password } : {}),
      discoveryPrefix: prefix === '' ? DEFAULT_DISCOVERY_PREFIX : prefix,
    },
  };
}
