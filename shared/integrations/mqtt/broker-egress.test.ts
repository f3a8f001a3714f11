import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../auth/principal';
import { awsEgressPolicy, type HostResolver } from '../../egress/ssrf-guard';
import { UrlRefusedError } from '../../errors';
import { sequentialIds } from '../../ids';
import { CredentialVault } from '../../vault/credential-vault';
import { LocalKeyProvider } from '../../vault/local-key-provider';
import { putMqttIntegration } from './manage-mqtt-integration';
import { MqttBrokerError } from './mqtt-broker';
import type { MqttIntegrationRecord, MqttIntegrationStore } from './mqtt-integration';
import { mqttJsBroker } from './mqtt-js-broker';

const principal = { kind: 'session', accountId: 'a1', userId: 'u1' } as unknown as Principal; // only the ids are read
const resolve: HostResolver = async (host) => ({ 'metadata.example.com': ['169.254.169.254'], 'broker.example.com': ['93.184.216.34'] })[host] ?? [];

function manageDeps(egress = awsEgressPolicy) {
  const stored: MqttIntegrationRecord[] = [];
  const integrations = { get: async () => undefined, put: async (r: MqttIntegrationRecord) => void stored.push(r) } as unknown as MqttIntegrationStore;
  const vault = new CredentialVault(new LocalKeyProvider(randomBytes(32)), undefined, undefined, 'mqtt-broker-password');
  return { stored, deps: { integrations, vault, clock: { now: () => new Date('2026-12-03T10:00:00Z') }, ids: sequentialIds('v'), egress, resolveHost: resolve } };
}

describe('PUT /integrations/mqtt refuses a broker Pitwatch must not connect to', () => {
  it.each(['mqtt://127.0.0.1:1883', 'mqtt://localhost', 'mqtt://10.0.0.5', 'mqtts://192.168.1.10:8883', 'mqtt://169.254.169.254', 'mqtt://[fd00::1]', 'mqtt://metadata.example.com'])('in AWS: %s → URL_REFUSED, nothing stored', async (url) => {
    const { stored, deps } = manageDeps();
    const refusal = await putMqttIntegration(principal, { url, discoveryPrefix: 'homeassistant' }, deps).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(UrlRefusedError);
    expect((refusal as UrlRefusedError).code).toBe('URL_REFUSED');
    expect((refusal as UrlRefusedError).details).toEqual({ field: 'url' });
    expect(stored).toHaveLength(0);
  });

  it('stores a public broker, and loopback under the local policy', async () => {
    const aws = manageDeps();
    await putMqttIntegration(principal, { url: 'mqtts://broker.example.com:8883', discoveryPrefix: 'homeassistant' }, aws.deps);
    expect(aws.stored.map((r) => r.url)).toEqual(['mqtts://broker.example.com:8883']);
    const local = manageDeps({ allowLoopback: true });
    await putMqttIntegration(principal, { url: 'mqtt://127.0.0.1:1883', discoveryPrefix: 'homeassistant' }, local.deps);
    expect(local.stored).toHaveLength(1);
  });
});

describe('the MQTT.js broker adapter under the egress policy', () => {
  // A listener on loopback: were the guard missing, connecting would reach it (and time out on MQTT, not refuse).
  let server: Server;
  let port: number;
  let accepted = 0;
  beforeAll(async () => {
    server = createServer((socket) => {
      accepted++;
      socket.destroy();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  const connect = (url: string, egress = awsEgressPolicy) => mqttJsBroker.connect({ url, username: null, password: null, clientId: 'test', connectTimeoutMs: 2000, egress });

  it('refuses a loopback literal and a name resolving to loopback in AWS, without opening a socket', async () => {
    for (const url of [`mqtt://127.0.0.1:${port}`, `mqtt://localhost:${port}`]) {
      const error = await connect(url).catch((e: unknown) => e);
      expect(error, url).toBeInstanceOf(MqttBrokerError);
      expect((error as Error).message, url).toMatch(/Pitwatch does not connect to this broker/);
    }
    expect(accepted).toBe(0);
  });

  it('connects to loopback under the local policy (the listener sees it)', async () => {
    const error = await connect(`mqtt://127.0.0.1:${port}`, { allowLoopback: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MqttBrokerError); // it hangs up: not a broker
    expect((error as Error).message).not.toMatch(/does not connect/);
    expect(accepted).toBe(1);
  });
});
