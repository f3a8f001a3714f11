/** Opening a broker session: the stored password (from the vault, cached briefly), the connection, the status after. */
import { randomBytes } from 'node:crypto';
import type { MqttStatus } from '../../api/integration-schemas';
import type { Clock } from '../../clock';
import type { EgressPolicy } from '../../egress/ssrf-guard';
import { PitwatchError } from '../../errors';
import type { CredentialVault, DecryptPurpose } from '../../vault/credential-vault';
import { backoffSeconds } from './mqtt-backoff';
import { MqttBrokerError, type MqttBroker, type MqttConnection } from './mqtt-broker';
import type { MqttIntegrationRecord } from './mqtt-integration';

/** A broker password opened once is reused by a warm container this long, instead of a KMS call per publish. */
const SECRET_CACHE_MS = 15 * 60_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 5000;

export interface BrokerSessionDependencies {
  /** The vault for broker passwords (its own KMS purpose). */
  vault: CredentialVault;
  broker: MqttBroker;
  clock: Clock;
  /** Opened passwords kept between invocations of a warm container, by account. */
  secretCache?: Map<string, { version: string; password: string | null; until: number }>;
  connectTimeoutMs?: number;
  /** Where a broker may be: public addresses only, in AWS (loopback too, locally). */
  egress: EgressPolicy;
}

export async function openBrokerPassword(record: MqttIntegrationRecord, purpose: DecryptPurpose, deps: Pick<BrokerSessionDependencies, 'vault' | 'clock' | 'secretCache'>): Promise<string | null> {
  const cached = deps.secretCache?.get(record.accountId);
  const now = deps.clock.now().getTime();
  if (cached && cached.version === record.version && cached.until > now) return cached.password;
  const password = record.sealedPassword ? await deps.vault.open(record.sealedPassword, record.userId, purpose) : null;
  deps.secretCache?.set(record.accountId, { version: record.version, password, until: now + SECRET_CACHE_MS });
  return password;
}

export async function connectToBroker(record: MqttIntegrationRecord, password: string | null, deps: Pick<BrokerSessionDependencies, 'broker' | 'connectTimeoutMs' | 'egress'>): Promise<MqttConnection> {
  return deps.broker.connect({
    url: record.url,
    username: record.username,
    password,
    // Unique per connection: brokers drop an older connection with the same client id.
    clientId: `pitwatch-${record.accountId.slice(0, 24)}-${randomBytes(4).toString('hex')}`,
    connectTimeoutMs: deps.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    egress: deps.egress,
  });
}

/** The status after an attempt: ok resets the backoff; a failure counts and pushes the next attempt out. */
export function statusAfter(previous: MqttStatus, now: Date, failure: string | null): MqttStatus {
  if (failure === null) return { state: 'ok', message: null, lastAttemptAt: now.toISOString(), lastSuccessAt: now.toISOString(), consecutiveFailures: 0, retryAt: null };
  const failures = previous.consecutiveFailures + 1;
  return {
    state: 'failing',
    message: failure,
    lastAttemptAt: now.toISOString(),
    lastSuccessAt: previous.lastSuccessAt,
    consecutiveFailures: failures,
    retryAt: new Date(now.getTime() + backoffSeconds(failures) * 1000).toISOString(),
  };
}

/** A broker failure, or a stored password that will not open: the user's to fix, recorded, never thrown. */
export function failureMessage(error: unknown): string | null {
  if (error instanceof MqttBrokerError) return error.message;
  if (error instanceof PitwatchError) return `The stored broker password could not be opened: ${error.message}`;
  return null;
}
