/**
 * Sign-in abuse against the ThermoWorks simulator (its request log counts what reaches "ThermoWorks"), with the
 * attempt counters on DynamoDB Local and an injected clock: wrong passwords stop reaching ThermoWorks at the limit,
 * in series and in a parallel burst, the right password works again once the window has passed, and a network's
 * limit holds across emails.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { freshTable } from '../../infra/local/testing/local-table';
import { DynamoAccountStore } from '../aws/dynamo-account-store';
import { DynamoAttemptCounterStore } from '../aws/dynamo-attempt-counter-store';
import { DynamoConnectionStore } from '../aws/dynamo-connection-store';
import { DynamoSessionStore } from '../aws/dynamo-session-store';
import { ManualClock } from '../clock';
import { RateLimitedError, UnauthorizedError } from '../errors';
import { randomIds } from '../ids';
import { createThermoWorksClient, thermoWorksConfigFromEnv } from '../thermoworks';
import { startSimulator, type RunningSimulator } from '../thermoworks/simulator';
import { CredentialVault } from '../vault/credential-vault';
import { LocalKeyProvider } from '../vault/local-key-provider';
import { login, WRONG_CREDENTIALS_MESSAGE, type LoginDependencies } from './login';
import { defaultSessionPolicy } from './session-policy';
import type { SignInThrottlePolicy } from './sign-in-throttle';

const policy: SignInThrottlePolicy = { maxFailuresPerEmail: 5, maxFailuresPerIp: 20, windowSeconds: 900, maxFailuresPerEmailPerDay: 9 };
const victim = 'victim@pitwatch.local';
let simulator: RunningSimulator;
let clock: ManualClock;
let deps: LoginDependencies;

// A fresh ThermoWorks per test: its own lockout (10 bad passwords in a row) must not carry over between tests.
beforeEach(async () => {
  await simulator?.stop();
  simulator = await startSimulator({
    scenario: {
      accounts: [
        { email: victim, password: 'right-password', uid: 'uid-victim', accountId: 'acct-victim', devices: [] },
        ...Array.from({ length: 6 }, (_, i) => ({ email: `other${i}@pitwatch.local`, password: 'pw', uid: `uid-o${i}`, accountId: `acct-o${i}`, devices: [] })),
      ],
    },
  });
});

afterAll(async () => {
  await simulator?.stop();
});

beforeEach(async () => {
  const { db, tableName } = await freshTable(inject('dynamoEndpoint'));
  clock = new ManualClock(Date.now());
  const connections = new DynamoConnectionStore(db, tableName);
  deps = {
    thermoworks: createThermoWorksClient({ config: thermoWorksConfigFromEnv(simulator.env), clock, sleep: async () => undefined }),
    accounts: new DynamoAccountStore(db, tableName),
    sessions: new DynamoSessionStore(db, tableName),
    vault: new CredentialVault(new LocalKeyProvider(randomBytes(32))),
    clock,
    ids: randomIds,
    sessionPolicy: defaultSessionPolicy,
    attempts: new DynamoAttemptCounterStore(db, tableName),
    throttle: policy,
    live: { connections, pusher: { push: async () => 'sent', disconnect: async () => undefined } },
  };
});

const signInsAtThermoWorks = (since: number) => simulator.requests().filter((r) => r.service === 'signIn').length - since;
const attempt = (email: string, password: string, sourceIp = '198.51.100.7') => login({ email, password }, { sourceIp, userAgent: 'test' }, deps);

describe('sign-in throttling', () => {
  it('30 wrong passwords for one email: at most 5 reach ThermoWorks, then 429 with retry-after', async () => {
    const before = signInsAtThermoWorks(0);
    const outcomes: unknown[] = [];
    for (let i = 0; i < 30; i++) outcomes.push(await attempt(victim, `guess-${i}`).catch((e: unknown) => e));
    expect(signInsAtThermoWorks(before)).toBe(5);
    expect(outcomes.slice(0, 5).every((e) => e instanceof UnauthorizedError && e.message === WRONG_CREDENTIALS_MESSAGE)).toBe(true);
    const limited = outcomes.slice(5);
    expect(limited.every((e) => e instanceof RateLimitedError)).toBe(true);
    const retryAfter = (limited[0] as RateLimitedError).retryAfterSeconds!;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(policy.windowSeconds);
    // Even the right password waits: the limit is checked before ThermoWorks is asked.
    await expect(attempt(victim, 'right-password')).rejects.toBeInstanceOf(RateLimitedError);
    expect(signInsAtThermoWorks(before)).toBe(5);
  });

  it('a parallel burst of 30 still lets at most 5 through', async () => {
    const before = signInsAtThermoWorks(0);
    const outcomes = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(victim, `burst-${i}`).catch((e: unknown) => e)));
    expect(signInsAtThermoWorks(before)).toBeLessThanOrEqual(5);
    expect(outcomes.filter((e) => e instanceof RateLimitedError).length).toBeGreaterThanOrEqual(25);
  });

  it('the right password works again once the window has passed, and a success clears the count', async () => {
    for (let i = 0; i < 5; i++) await attempt(victim, `guess-${i}`).catch(() => undefined);
    await expect(attempt(victim, 'right-password')).rejects.toBeInstanceOf(RateLimitedError);
    clock.advance(policy.windowSeconds * 1000 + 1000);
    const result = await attempt(victim, 'right-password');
    expect(result.user.email).toBe(victim);
    // Cleared: five more mistakes are allowed before the next pause.
    const before = signInsAtThermoWorks(0);
    for (let i = 0; i < 5; i++) await expect(attempt(victim, `again-${i}`)).rejects.toBeInstanceOf(UnauthorizedError);
    expect(signInsAtThermoWorks(before)).toBe(5);
  });

  it('stays shut for a whole window after the last allowed attempt, not just until the first one is 15 minutes old', async () => {
    await attempt(victim, 'first').catch(() => undefined);
    clock.advance(14 * 60_000);
    for (let i = 0; i < 4; i++) await attempt(victim, `late-${i}`).catch(() => undefined);
    clock.advance(2 * 60_000); // 16 min after the first attempt, 2 min after the fifth
    await expect(attempt(victim, 'too-soon')).rejects.toBeInstanceOf(RateLimitedError);
  });

  it('slow guessing never reaches ThermoWorks’ own lockout (10 in a row): at most 9 a day per email', async () => {
    const before = signInsAtThermoWorks(0);
    const outcomes: unknown[] = [];
    for (let i = 0; i < 12; i++) {
      outcomes.push(await attempt(victim, `slow-${i}`).catch((e: unknown) => e));
      clock.advance(policy.windowSeconds * 1000 + 1000);
    }
    expect(signInsAtThermoWorks(before)).toBe(9);
    expect(outcomes.some((e) => (e as { code?: string }).code === 'THERMOWORKS_TOO_MANY_ATTEMPTS')).toBe(false);
    // The owner can still sign in the next day, and ThermoWorks never locked the account.
    clock.advance(86_400_000);
    await expect(attempt(victim, 'right-password')).resolves.toMatchObject({ user: { email: victim } });
  });

  it('an unknown email is counted and answered exactly like a wrong password', async () => {
    const wrong = await attempt(victim, 'nope').catch((e: unknown) => e);
    const unknown = await attempt('nobody@pitwatch.local', 'nope').catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(UnauthorizedError);
    expect([(unknown as UnauthorizedError).message, (unknown as UnauthorizedError).details]).toEqual([(wrong as UnauthorizedError).message, (wrong as UnauthorizedError).details]);
    for (let i = 0; i < 4; i++) await attempt('nobody@pitwatch.local', `n${i}`).catch(() => undefined);
    await expect(attempt('nobody@pitwatch.local', 'n5')).rejects.toBeInstanceOf(RateLimitedError);
  });

  it('counts per network too: 20 failures across many emails from one address, then 429 for every email', async () => {
    const before = signInsAtThermoWorks(0);
    for (let i = 0; i < 24; i++) await attempt(`other${i % 6}@pitwatch.local`, 'wrong', '192.0.2.50').catch(() => undefined);
    expect(signInsAtThermoWorks(before)).toBe(20);
    await expect(attempt(victim, 'right-password', '192.0.2.50')).rejects.toBeInstanceOf(RateLimitedError);
    // Another network is not affected.
    await expect(attempt(victim, 'right-password', '192.0.2.51')).resolves.toMatchObject({ user: { email: victim } });
  });

  it('ThermoWorks being down is not the caller’s fault: it is not counted', async () => {
    simulator.setFaults('*', { failNext: 40, only: ['signIn'] });
    for (let i = 0; i < 8; i++) await attempt(victim, 'right-password').catch(() => undefined);
    simulator.setFaults('*', {});
    await expect(attempt(victim, 'right-password')).resolves.toMatchObject({ user: { email: victim } });
  });
});
