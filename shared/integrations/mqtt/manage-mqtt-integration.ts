/**
 * The MQTT integration's routes: set it up (the broker password sealed at once), show it with its status, test the
 * broker, remove it (clearing everything Pitwatch left retained there, so Home Assistant's entities go away).
 */
import type { MqttIntegrationView, MqttTestResult, PutMqttIntegrationRequest } from '../../api/integration-schemas';
import type { Principal } from '../../auth/principal';
import type { Clock } from '../../clock';
import { checkBrokerUrl, checkResolvedHost, EgressRefusedError, type EgressPolicy, type HostResolver } from '../../egress/ssrf-guard';
import { NotFoundError, UrlRefusedError } from '../../errors';
import type { IdGenerator } from '../../ids';
import type { CredentialVault } from '../../vault/credential-vault';
import { connectToBroker, failureMessage, openBrokerPassword, statusAfter } from './broker-session';
import type { MqttBroker, MqttConnection } from './mqtt-broker';
import { mqttIntegrationView, pendingStatus, TEST_TOPIC, type MqttIntegrationRecord, type MqttIntegrationStore } from './mqtt-integration';

export interface ManageMqttDependencies {
  integrations: MqttIntegrationStore;
  vault: CredentialVault;
  clock: Clock;
  /** Where a broker may be: public addresses only, in AWS (loopback too, locally). */
  egress: EgressPolicy;
}

/** Refuses, before anything is stored, a broker URL on a refused address literal or a name resolving to one. */
async function checkBrokerDestination(raw: string, egress: EgressPolicy, resolve?: HostResolver): Promise<void> {
  try {
    await checkResolvedHost(checkBrokerUrl(raw, egress), egress, resolve);
  } catch (error) {
    if (error instanceof EgressRefusedError) throw new UrlRefusedError(`This broker URL cannot be used: ${error.message}.`, { details: { field: 'url' } });
    throw error;
  }
}

export async function putMqttIntegration(principal: Principal, request: PutMqttIntegrationRequest, deps: ManageMqttDependencies & { ids: IdGenerator; resolveHost?: HostResolver }): Promise<MqttIntegrationView> {
  await checkBrokerDestination(request.url, deps.egress, deps.resolveHost);
  const existing = await deps.integrations.get(principal.accountId);
  const now = deps.clock.now().toISOString();
  const record: MqttIntegrationRecord = {
    accountId: principal.accountId,
    userId: principal.userId,
    url: request.url,
    username: request.username ?? null,
    sealedPassword: request.password === undefined ? null : await deps.vault.seal(request.password, principal.userId),
    discoveryPrefix: request.discoveryPrefix,
    version: deps.ids.id(),
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
    status: pendingStatus,
    // Same broker: what is retained there stays known, so the next publish clears what is no longer wanted (an old
    // prefix's configs). Another broker: nothing of ours is retained there yet.
    retained: existing && existing.url === request.url ? existing.retained : {},
    discoveryRefreshedAt: null,
  };
  await deps.integrations.put(record);
  return mqttIntegrationView(record);
}

export async function getMqttIntegration(principal: Principal, deps: Pick<ManageMqttDependencies, 'integrations'>): Promise<MqttIntegrationView | null> {
  const record = await deps.integrations.get(principal.accountId);
  return record ? mqttIntegrationView(record) : null;
}

/** Connects with the stored settings and publishes one QoS 1 message: the answer says whether that worked, and why not. */
export async function testMqttIntegration(principal: Principal, deps: ManageMqttDependencies & { broker: MqttBroker; connectTimeoutMs?: number }): Promise<MqttTestResult> {
  const record = await deps.integrations.get(principal.accountId);
  if (!record) throw new NotFoundError('No MQTT integration is set up.');
  const started = Date.now();
  const now = deps.clock.now();
  let connection: MqttConnection | undefined;
  let failure: string | null = null;
  try {
    connection = await connectToBroker(record, await openBrokerPassword(record, 'mqtt-test', deps), deps);
    await connection.publish(TEST_TOPIC, JSON.stringify({ at: now.toISOString() }), { retain: false });
  } catch (error) {
    failure = failureMessage(error);
    if (failure === null) throw error;
  } finally {
    await connection?.end();
  }
  const latencyMs = failure === null ? Date.now() - started : null;
  // A test that works ends a failure's backoff at once; one that fails shows why on the status.
  await deps.integrations.recordPublish(record.accountId, record.version, {
    status: statusAfter(record.status, now, failure),
    retained: record.retained,
    discoveryRefreshedAt: record.discoveryRefreshedAt,
  });
  return { ok: failure === null, message: failure ?? `Connected to ${record.url} and published a test message.`, latencyMs, testedAt: now.toISOString() };
}

/** Removes the integration first (no publish starts after this), then clears what it left retained on the broker. */
export async function removeMqttIntegration(
  principal: Principal,
  deps: ManageMqttDependencies & { broker: MqttBroker; connectTimeoutMs?: number },
): Promise<{ removed: true; cleared: number; message: string | null }> {
  const record = await deps.integrations.delete(principal.accountId);
  if (!record) throw new NotFoundError('No MQTT integration is set up.');
  const topics = Object.keys(record.retained);
  if (topics.length === 0) return { removed: true, cleared: 0, message: null };
  let connection: MqttConnection | undefined;
  try {
    connection = await connectToBroker(record, await openBrokerPassword(record, 'mqtt-remove', deps), deps);
    await Promise.all(topics.map((topic) => connection!.publish(topic, '', { retain: true })));
    return { removed: true, cleared: topics.length, message: null };
  } catch (error) {
    const message = failureMessage(error);
    if (message === null) throw error;
    return { removed: true, cleared: 0, message: `Removed, but the broker could not be cleared: ${message} Its retained Pitwatch topics stay until you delete them.` };
  } finally {
    await connection?.end();
  }
}
