/**
 * The client against the simulator over real HTTP (127.0.0.1, random port): every error class the simulator can
 * inject is produced and handled. Time is a ManualClock shared by both sides; retries sleep on a fake.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { createThermoWorksClient, type ThermoWorksClientOptions } from './client';
import { thermoWorksConfigFromEnv } from './config';
import {
  AccountDisabledError,
  CallerGaveUpError,
  CircuitOpenError,
  InvalidCredentialsError,
  MalformedResponseError,
  ReauthRequiredError,
  ThermoWorksNotFoundError,
  ThermoWorksPermissionDeniedError,
  ThermoWorksRateLimitedError,
  ThermoWorksRequestRejectedError,
  ThermoWorksUnavailableError,
  TooManyAttemptsError,
} from './errors';
import { demoScenario, startSimulator, type RunningSimulator, type ScenarioInput } from './simulator';

const START = '2026-11-01T20:00:00.000Z';
const DEMO = 'demo@pitwatch.local';
const GUEST = 'guest@pitwatch.local';
const SIGNALS = '12:34:56:78:90:AB';
const NODE = 'M100009168';
const RFX = 'AB:CD:EF:01:23:45';

let running: RunningSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.map((s) => s.stop()));
  running = [];
});

async function world(options: { scenario?: ScenarioInput; client?: Partial<ThermoWorksClientOptions> } = {}) {
  const clock = new ManualClock(START);
  const sim = await startSimulator({ port: 0, clock, scenario: { ...(options.scenario ?? demoScenario), startAt: START } });
  running.push(sim);
  const sleeps: number[] = [];
  const client = createThermoWorksClient({
    config: thermoWorksConfigFromEnv(sim.env),
    clock,
    random: () => 0.5,
    sleep: async (ms) => void sleeps.push(ms),
    timeoutMs: 2_000,
    circuitBreaker: { failureThreshold: 3, probeAfterMs: 30_000 },
    ...options.client,
  });
  const signedIn = async (email = DEMO) => client.session(await client.signIn(email, 'pitwatch'));
  const requests = (service?: string) => sim.requests().filter((r) => service === undefined || r.service === service);
  return { clock, sim, client, sleeps, signedIn, requests };
}

describe('sign-in', () => {
  it('signs in and reads the account: user, devices of several kinds, channels', async () => {
    const { signedIn } = await world();
    const session = await signedIn();
    const user = await session.getUser();
    expect(user).toMatchObject({ uid: 'uid-demo-0001', accountId: 'acct-demo-0001', email: DEMO, displayName: 'Demo Cook' });
    const devices = await session.listDevices(user.accountId);
    expect(devices.map((d) => [d.serial, d.kind, d.online])).toEqual([
      [SIGNALS, 'signals', true],
      [RFX, 'rfx', true],
      [NODE, 'node', true],
    ]);
    const node = devices.find((d) => d.serial === NODE);
    expect(node).toMatchObject({ recordingIntervalSeconds: 600, transmitIntervalSeconds: 7200, typeField: 'datalogger' });
    const channels = await session.listChannels(SIGNALS);
    expect(channels.map((c) => c.label)).toEqual(['Pit', 'Brisket flat', 'Brisket point', 'Brisket middle']);
    expect(channels.every((c) => c.probeConnected && c.value !== null && c.units === 'F')).toBe(true);
  });

  it('rejects a bad password or unknown email as InvalidCredentials (401)', async () => {
    const { client } = await world();
    const wrong = await client.signIn(DEMO, 'nope').catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(InvalidCredentialsError);
    expect((wrong as InvalidCredentialsError).httpStatus).toBe(401);
    expect((wrong as InvalidCredentialsError).reason).toBe('INVALID_LOGIN_CREDENTIALS');
    await expect(client.signIn('not-an-email', 'x')).rejects.toBeInstanceOf(InvalidCredentialsError);
  });

  it('speaks the legacy reasons too', async () => {
    const { client } = await world({ scenario: { ...demoScenario, credentialErrors: 'legacy' } });
    await expect(client.signIn(DEMO, 'nope')).rejects.toMatchObject({ reason: 'INVALID_PASSWORD' });
    await expect(client.signIn('nobody@pitwatch.local', 'x')).rejects.toMatchObject({ reason: 'EMAIL_NOT_FOUND' });
  });

  it('locks sign-in after repeated bad passwords (TooManyAttempts, not retried)', async () => {
    const { client, requests } = await world({ scenario: { ...demoScenario, signInLockoutAfter: 3 } });
    for (let i = 0; i < 3; i++) await expect(client.signIn(DEMO, 'nope')).rejects.toBeInstanceOf(InvalidCredentialsError);
    await expect(client.signIn(DEMO, 'pitwatch')).rejects.toBeInstanceOf(TooManyAttemptsError);
    expect(requests('signIn')).toHaveLength(4);
  });

  it('reports a disabled account at sign-in, and re-link at refresh', async () => {
    const { client, sim } = await world();
    const tokens = await client.signIn(DEMO, 'pitwatch');
    sim.setUserDisabled(DEMO, true);
    await expect(client.signIn(DEMO, 'pitwatch')).rejects.toBeInstanceOf(AccountDisabledError);
    await expect(client.refresh(tokens.refreshToken)).rejects.toMatchObject({ reason: 'USER_DISABLED' });
    await expect(client.refresh(tokens.refreshToken)).rejects.toBeInstanceOf(ReauthRequiredError);
  });

  it('is refused without the Referer the key is restricted to, or with a wrong key', async () => {
    const { sim, client } = await world();
    const noReferer = createThermoWorksClient({ config: { ...client.config, referer: '' }, sleep: async () => {} });
    await expect(noReferer.signIn(DEMO, 'pitwatch')).rejects.toBeInstanceOf(ThermoWorksRequestRejectedError);
    const badKey = createThermoWorksClient({ config: thermoWorksConfigFromEnv({ ...sim.env, THERMOWORKS_API_KEY: 'AIza-wrong' }), sleep: async () => {} });
    await expect(badKey.signIn(DEMO, 'pitwatch')).rejects.toBeInstanceOf(ThermoWorksRequestRejectedError);
  });
});

describe('tokens', () => {
  it('refreshes ahead of the hour without the service ever refusing a token', async () => {
    const { clock, signedIn, requests } = await world();
    const session = await signedIn();
    await session.getUser();
    clock.advance(3_550_000);
    await session.getUser();
    expect(requests('refresh')).toHaveLength(1);
    expect(requests('firestore').every((r) => r.status === 200)).toBe(true);
  });

  it('recovers transparently when id tokens are revoked early (one refresh)', async () => {
    const { sim, signedIn, requests } = await world();
    const session = await signedIn();
    await session.getUser();
    sim.expireIdTokens(DEMO);
    await expect(session.listChannels(SIGNALS)).resolves.toHaveLength(4);
    expect(requests('refresh')).toHaveLength(1);
  });

  it('asks for re-link after a password change (refresh token revoked)', async () => {
    const { sim, signedIn } = await world();
    const session = await signedIn();
    sim.revokeRefreshTokens(DEMO);
    const error = await session.getUser().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReauthRequiredError);
    expect((error as ReauthRequiredError).reason).toBe('TOKEN_EXPIRED');
  });

  it('reports a deleted user as re-link needed', async () => {
    const { sim, client } = await world();
    const tokens = await client.signIn(DEMO, 'pitwatch');
    sim.setUserDeleted(DEMO, true);
    await expect(client.refresh(tokens.refreshToken)).rejects.toMatchObject({ reason: 'USER_NOT_FOUND' });
  });

  it('persists rotated refresh tokens through onTokens', async () => {
    const { client } = await world({ scenario: { ...demoScenario, rotateRefreshTokens: true } });
    const first = await client.signIn(DEMO, 'pitwatch');
    const stored: string[] = [];
    const session = client.session({ refreshToken: first.refreshToken }, (t) => void stored.push(t.refreshToken));
    await session.getUser();
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toBe(first.refreshToken);
    // The old one is dead, the stored one works.
    await expect(client.refresh(first.refreshToken)).rejects.toBeInstanceOf(ReauthRequiredError);
    await expect(client.refresh(stored[0] as string)).resolves.toMatchObject({ uid: 'uid-demo-0001' });
  });
});

describe('access', () => {
  it('keeps accounts apart (PermissionDenied) and reports unknown devices (NotFound)', async () => {
    const { signedIn } = await world();
    const guest = await signedIn(GUEST);
    await expect(guest.getDevice(SIGNALS)).rejects.toBeInstanceOf(ThermoWorksPermissionDeniedError);
    await expect(guest.listDevices('acct-demo-0001')).rejects.toBeInstanceOf(ThermoWorksPermissionDeniedError);
    await expect(guest.getDevice('00:00:00:00:00:00')).rejects.toBeInstanceOf(ThermoWorksNotFoundError);
    const devices = await guest.listDevices((await guest.getUser()).accountId);
    expect(devices.map((d) => d.kind).sort()).toEqual(['bluedot', 'smoke']);
  });

  it('skips channel gaps, and the listing strategy agrees with per-channel reads', async () => {
    const gap: ScenarioInput = {
      accounts: [
        {
          email: 'gap@pitwatch.local',
          password: 'pitwatch',
          uid: 'uid-gap',
          accountId: 'acct-gap',
          devices: [
            {
              serial: 'M1',
              label: 'Gappy',
              device: 'signals',
              type: 'signals',
              recordingIntervalSeconds: 5,
              transmitIntervalSeconds: 5,
              channels: [
                { number: '1', label: 'A', source: { kind: 'steady', value: 100 } },
                { number: '3', label: 'C', source: { kind: 'steady', value: 120 } },
                { number: '9', label: 'I', source: { kind: 'steady', value: 140 } },
              ],
            },
          ],
        },
      ],
    };
    const { signedIn, requests } = await world({ scenario: gap });
    const session = await signedIn('gap@pitwatch.local');
    const perChannel = await session.listChannels('M1');
    expect(perChannel.map((c) => c.number)).toEqual(['1', '3', '9']);
    const before = requests('firestore').length;
    const listed = await session.listChannels('M1', { strategy: 'listing-first' });
    expect(listed).toEqual(perChannel);
    expect(requests('firestore').length - before).toBe(1);
  });

  it('falls back to per-channel reads when the listing is refused', async () => {
    const scenario = structuredClone(demoScenario) as ScenarioInput;
    const account = scenario.accounts[0];
    if (account) account.channelListing = 'denied';
    const { sim, signedIn } = await world({ scenario });
    const session = await signedIn();
    await expect(session.listChannels(SIGNALS, { strategy: 'listing-first' })).resolves.toHaveLength(4);
    await expect(session.listChannels(SIGNALS, { strategy: 'listing-first' })).resolves.toHaveLength(4);
    // refused once, not asked again by the same session
    expect(sim.requests().filter((r) => r.path.endsWith('/channels')).length).toBe(1);
  });
});

describe('the thermometer’s own alarms (PATCH with updateMask)', () => {
  it('writes alarmHigh/alarmLow, touching only the masked fields, and the channel document reflects them', async () => {
    const { signedIn, requests } = await world();
    const session = await signedIn();
    const written = await session.setChannelAlarms(SIGNALS, '2', { high: { enabled: true, value: 198, units: 'F' } });
    expect(written.alarmHigh).toMatchObject({ enabled: true, value: 198 });
    expect(written.alarmLow).toMatchObject({ enabled: false });
    const patch = requests('firestore').find((r) => r.method === 'PATCH')!;
    expect(patch.path).toMatch(/\/devices\/12%3A34%3A56%3A78%3A90%3AAB\/channels\/2$/);
    const both = await session.setChannelAlarms(SIGNALS, '2', { low: { enabled: true, value: 140, units: 'F' } });
    expect(both.alarmHigh).toMatchObject({ enabled: true, value: 198 }); // not in the mask: left alone
    expect(both.alarmLow).toMatchObject({ enabled: true, value: 140 });
    expect((await session.getChannel(SIGNALS, '2')).alarmLow).toMatchObject({ enabled: true, value: 140 });
    // Written in °C to a °F channel: the document keeps the channel's units.
    const celsius = await session.setChannelAlarms(SIGNALS, '2', { high: { enabled: true, value: 95, units: 'C' } });
    expect(celsius.alarmHigh).toMatchObject({ enabled: true, value: 203 });
  });

  it('errors are classified like reads: another account PermissionDenied, no such channel NotFound, an RFX meat probe refused', async () => {
    const { signedIn } = await world();
    const high = { high: { enabled: true, value: 203, units: 'F' as const } };
    const guest = await signedIn(GUEST);
    await expect(guest.setChannelAlarms(SIGNALS, '2', high)).rejects.toBeInstanceOf(ThermoWorksPermissionDeniedError);
    const demo = await signedIn();
    await expect(demo.setChannelAlarms(SIGNALS, '9', high)).rejects.toBeInstanceOf(ThermoWorksNotFoundError);
    await expect(demo.setChannelAlarms(RFX, '2', high)).rejects.toBeInstanceOf(ThermoWorksPermissionDeniedError);
  });

  it('the simulator validates like the service: an updateMask, alarm fields only, well-formed maps', async () => {
    const { sim, signedIn } = await world();
    const session = await signedIn();
    const token = await session.idToken();
    const config = thermoWorksConfigFromEnv(sim.env);
    const url = (mask: string[]) =>
      `${config.firestoreUrl}/v1/projects/${sim.scenario.project.projectId}/databases/(default)/documents/devices/${encodeURIComponent(SIGNALS)}/channels/2?${mask.map((m) => `updateMask.fieldPaths=${m}`).join('&')}`;
    const patch = (mask: string[], fields: unknown) =>
      fetch(url(mask), { method: 'PATCH', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ fields }) }).then((r) => r.status);
    const good = { mapValue: { fields: { enabled: { booleanValue: true }, value: { integerValue: '203' }, units: { stringValue: 'F' } } } };
    expect(await patch(['alarmHigh'], { alarmHigh: good })).toBe(200);
    expect(await patch([], { alarmHigh: good })).toBe(400);
    expect(await patch(['label'], { label: { stringValue: 'renamed' } })).toBe(403);
    expect(await patch(['alarmHigh'], { alarmHigh: { stringValue: '203' } })).toBe(400);
    expect(await patch(['alarmHigh'], { alarmHigh: { mapValue: { fields: { ...good.mapValue.fields, units: { stringValue: 'K' } } } } })).toBe(400);
  });
});

describe('injected faults', () => {
  it('retries 5xx with backoff and succeeds', async () => {
    const { sim, signedIn, sleeps, requests } = await world();
    const session = await signedIn();
    sim.setFaults(DEMO, { failNext: 2 });
    await expect(session.getDevice(SIGNALS)).resolves.toMatchObject({ serial: SIGNALS });
    expect(requests('firestore').map((r) => r.status)).toEqual([503, 503, 200]);
    expect(sleeps).toEqual([125, 250]);
  });

  it('gives up on a persistent 5xx as Unavailable, then the breaker opens and fails fast', async () => {
    const { sim, signedIn, client, clock, requests } = await world();
    const session = await signedIn();
    await session.getUser();
    sim.setFaults(DEMO, { errorRate: 1, only: ['firestore'] });
    for (let i = 0; i < 3; i++) await expect(session.getDevice(SIGNALS)).rejects.toBeInstanceOf(ThermoWorksUnavailableError);
    expect(client.circuitState('uid-demo-0001')).toBe('open');
    expect(session.circuitState()).toBe('open');
    const seen = requests().length;
    await expect(session.getDevice(SIGNALS)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(requests()).toHaveLength(seen);
    // Another account is unaffected.
    const guest = await signedIn(GUEST);
    await expect(guest.getUser()).resolves.toMatchObject({ accountId: 'acct-guest-0001' });

    clock.advance(30_000);
    expect(client.circuitState('uid-demo-0001')).toBe('half-open');
    sim.clearFaults(DEMO);
    await expect(session.getDevice(SIGNALS)).resolves.toMatchObject({ serial: SIGNALS });
    expect(client.circuitState('uid-demo-0001')).toBe('closed');
  });

  it('surfaces 429 RESOURCE_EXHAUSTED with Retry-After, without retrying', async () => {
    const { sim, signedIn, requests } = await world();
    const session = await signedIn();
    sim.setFaults(DEMO, { rateLimitNext: 1, retryAfterSeconds: 17 });
    const error = await session.getUser().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThermoWorksRateLimitedError);
    expect((error as ThermoWorksRateLimitedError).retryAfterSeconds).toBe(17);
    expect(requests('firestore').length + requests('refresh').length).toBe(1);
  });

  it('times out a hung request (transient)', async () => {
    const { sim, signedIn } = await world({ client: { timeoutMs: 100, retry: { maxAttempts: 1 } } });
    const session = await signedIn();
    sim.setFaults(DEMO, { hangNext: 1, only: ['firestore', 'refresh'] });
    const error = await session.getUser().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThermoWorksUnavailableError);
    expect((error as ThermoWorksUnavailableError).kind).toBe('timeout');
    await expect(session.getUser()).resolves.toMatchObject({ uid: 'uid-demo-0001' });
  });

  it('retries a dropped connection (network error)', async () => {
    const { sim, signedIn, requests } = await world();
    const session = await signedIn();
    await session.getUser();
    sim.setFaults(DEMO, { resetNext: 1 });
    await expect(session.getDevice(SIGNALS)).resolves.toMatchObject({ serial: SIGNALS });
    expect(requests('firestore').map((r) => r.status)).toEqual([200, 'reset', 200]);
    sim.setFaults(DEMO, { resetNext: 5 });
    await expect(session.getDevice(SIGNALS)).rejects.toMatchObject({ kind: 'network' });
  });

  it('times out when latency exceeds the timeout', async () => {
    const { sim, client } = await world({ client: { timeoutMs: 50, retry: { maxAttempts: 1 } } });
    sim.setFaults('*', { latencyMs: 1_000, only: ['webConfig'] });
    const session = client.session(await client.signIn(DEMO, 'pitwatch'));
    await expect(session.getUser()).rejects.toMatchObject({ kind: 'timeout' });
  });

  it.each(['not-json', 'truncated', 'wrong-shape'] as const)('calls a %s answer malformed, without retrying', async (how) => {
    const { sim, signedIn, requests } = await world();
    const session = await signedIn();
    await session.getUser();
    sim.setFaults(DEMO, { malformedNext: 1, malformedKind: how, only: ['firestore'] });
    await expect(session.listDevices('acct-demo-0001')).rejects.toBeInstanceOf(MalformedResponseError);
    expect(requests('firestore').filter((r) => r.fault === 'malformed')).toHaveLength(1);
    await expect(session.listDevices('acct-demo-0001')).resolves.toHaveLength(3);
  });

  it('reads partial documents without failing', async () => {
    const { sim, signedIn } = await world();
    const session = await signedIn();
    await session.getUser();
    sim.setFaults(DEMO, { malformed: 'partial', only: ['firestore'] });
    const device = await session.getDevice(SIGNALS);
    expect(device).toMatchObject({ serial: SIGNALS, deviceId: '12:34:56:78:90:ab', label: SIGNALS, kind: 'unknown', battery: undefined });
    const channels = await session.listChannels(SIGNALS);
    expect(channels.every((c) => c.value === null && !c.probeConnected)).toBe(true);
  });

  it('answers TOO_MANY_ATTEMPTS when told to', async () => {
    const { sim, client } = await world();
    sim.setFaults(DEMO, { tooManyAttempts: true });
    await expect(client.signIn(DEMO, 'pitwatch')).rejects.toBeInstanceOf(TooManyAttemptsError);
    await expect(client.signIn(GUEST, 'pitwatch')).resolves.toMatchObject({ uid: 'uid-guest-0001' });
  });

  it('takes faults from the scenario and from the admin HTTP endpoint', async () => {
    const scenario = structuredClone(demoScenario) as ScenarioInput;
    const guestAccount = scenario.accounts[1];
    if (guestAccount) guestAccount.faults = { failNext: 1, errorStatus: 502 };
    const { sim, client, requests } = await world({ scenario });
    await expect(client.signIn(GUEST, 'pitwatch')).resolves.toBeDefined();
    expect(requests('signIn').map((r) => r.status)).toEqual([502, 200]);

    const put = await fetch(`${sim.url}/__admin/faults/${encodeURIComponent(DEMO)}`, { method: 'PUT', body: JSON.stringify({ errorRate: 1 }) });
    expect(put.status).toBe(200);
    await expect(client.signIn(DEMO, 'pitwatch')).rejects.toBeInstanceOf(ThermoWorksUnavailableError);
    await fetch(`${sim.url}/__admin/faults`, { method: 'DELETE' });
    await expect(client.signIn(DEMO, 'pitwatch')).resolves.toBeDefined();
    const bad = await fetch(`${sim.url}/__admin/faults/x`, { method: 'PUT', body: JSON.stringify({ errorRate: 7 }) });
    expect(bad.status).toBe(400);
  });
});

describe('what the devices really measured', () => {
  it('shows the Signals reading of its last upload, equal to the ground truth', async () => {
    const { sim, signedIn, clock } = await world();
    const session = await signedIn();
    for (let step = 0; step < 3; step++) {
      const channels = await session.listChannels(SIGNALS);
      for (const c of channels) {
        const at = c.lastTelemetrySaved as Date;
        expect(at.getTime()).toBeLessThanOrEqual(clock.now().getTime());
        expect(clock.now().getTime() - at.getTime()).toBeLessThan(3_000);
        expect(sim.groundTruth(SIGNALS, c.number, at, at)).toEqual([{ at, value: c.value, units: 'F' }]);
      }
      clock.advance(3_000);
    }
  });

  it('moves the brisket over an hour: pit near its setpoint, meat rising', async () => {
    const { sim } = await world();
    const from = new Date(START);
    const to = new Date(from.getTime() + 3_600_000);
    const pit = sim.groundTruth(SIGNALS, '1', from, to).map((p) => p.value as number);
    const flat = sim.groundTruth(SIGNALS, '2', from, to).map((p) => p.value as number);
    expect(pit).toHaveLength(1201);
    expect(Math.min(...pit)).toBeGreaterThan(180);
    expect(Math.max(...pit)).toBeLessThan(320);
    expect(new Set(pit.slice(0, 5)).size).toBeGreaterThan(1);
    expect(flat[flat.length - 1] as number).toBeGreaterThan(flat[0] as number);
  });

  it('makes a datalogger reading visible only when it transmits, and fills the gaps through archives', async () => {
    const { sim, signedIn, clock } = await world();
    const session = await signedIn();
    const first = (await session.listChannels(NODE))[0];
    expect(first?.lastTelemetrySaved?.toISOString()).toBe('2026-11-01T20:00:00.000Z');
    clock.advance(3_600_000);
    expect((await session.listChannels(NODE))[0]?.lastTelemetrySaved).toEqual(first?.lastTelemetrySaved);
    clock.advance(3_600_000);
    const next = (await session.listChannels(NODE))[0];
    expect(next?.lastTelemetrySaved?.toISOString()).toBe('2026-11-01T22:00:00.000Z');

    const archives = await session.listArchives(NODE, { pageSize: 5, maxPages: 3 });
    expect(archives).toHaveLength(13);
    expect(archives[0]).toMatchObject({ start: new Date('2026-11-01T20:00:00.000Z'), end: new Date('2026-11-01T21:50:00.000Z'), count: 24 });
    const readings = await session.downloadArchive(archives[0] as (typeof archives)[number]);
    const cellar = readings.filter((r) => r.channel === '1').map((r) => ({ at: r.at, value: r.value, units: r.units }));
    expect(cellar).toEqual(sim.groundTruth(NODE, '1', new Date('2026-11-01T20:00:00Z'), new Date('2026-11-01T21:59:59Z')));
    // Twelve points per window per channel: every 600 s recording is there, none only in the channel document.
    expect(cellar).toHaveLength(12);

    const since = await session.listArchives(NODE, { since: new Date('2026-11-01T18:00:00Z') });
    expect(since.map((a) => a.createdOn?.toISOString())).toEqual(['2026-11-01T22:00:00.000Z', '2026-11-01T20:00:00.000Z', '2026-11-01T18:00:00.000Z']);
  });

  it('reports an unplugged probe and an offline device', async () => {
    const { sim, signedIn, clock } = await world();
    const session = await signedIn();
    sim.setProbeConnected(SIGNALS, '4', false);
    clock.advance(3_000);
    const probe = (await session.listChannels(SIGNALS)).find((c) => c.number === '4');
    expect(probe).toMatchObject({ value: null, probeConnected: false, status: 'NO PROBE' });
    expect((await session.listChannels(RFX)).find((c) => c.number === '2')).toMatchObject({ value: null, probeConnected: false });

    sim.setDeviceOnline(SIGNALS, false);
    const frozen = (await session.listChannels(SIGNALS))[0]?.lastTelemetrySaved;
    clock.advance(60_000);
    expect((await session.listChannels(SIGNALS))[0]?.lastTelemetrySaved).toEqual(frozen);
    expect(await session.getDevice(SIGNALS)).toMatchObject({ online: false, status: 'OFFLINE' });
    sim.setDeviceOnline(SIGNALS, true);
    clock.advance(3_000);
    expect(await session.getDevice(SIGNALS)).toMatchObject({ online: true, status: 'NORMAL' });
    expect((await session.listChannels(SIGNALS))[0]?.lastTelemetrySaved?.getTime()).toBeGreaterThan(frozen?.getTime() ?? 0);
  });
});

describe('a caller out of time, and refreshes during a fault', () => {
  class OutOfTime extends CallerGaveUpError {
    override readonly code = 'OUT_OF_TIME';
  }

  it('stops a read when the caller aborts: the abort\'s reason, no retry, and nothing counted against the account', async () => {
    const { client, signedIn, sim, requests } = await world();
    const session = await signedIn();
    sim.setFaults(DEMO, { latencyMs: 400 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new OutOfTime('budget spent')), 50);
    const before = requests('firestore').length;
    await expect(session.listDevices('acct-demo-0001', { signal: controller.signal })).rejects.toBeInstanceOf(OutOfTime);
    await new Promise((r) => setTimeout(r, 450));
    expect(requests('firestore').length - before).toBe(1);
    expect(client.circuitState('uid-demo-0001')).toBe('closed');
    await expect(session.listDevices('acct-demo-0001', { signal: controller.signal })).rejects.toBeInstanceOf(OutOfTime); // already spent
  });

  it('backs a failing refresh off (30 s, then 1 min…) instead of refreshing on every poll, and lets a caller stop waiting for it', async () => {
    const { clock, sim, client, requests } = await world({ client: { retry: { maxAttempts: 1 } } });
    const tokens = await client.signIn(DEMO, 'pitwatch');
    const session = client.session({ refreshToken: tokens.refreshToken, uid: tokens.uid }); // no id token: must refresh
    sim.setFaults(DEMO, { failNext: 1, only: ['refresh'] });
    await expect(session.listDevices('acct-demo-0001')).rejects.toBeInstanceOf(ThermoWorksUnavailableError);
    await expect(session.listDevices('acct-demo-0001')).rejects.toThrow(/refresh paused for 30 s/);
    expect(requests('refresh')).toHaveLength(1);
    clock.advance(30_000);
    sim.setFaults(DEMO, { latencyMs: 300, only: ['refresh'] });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new OutOfTime('budget spent')), 30);
    await expect(session.listDevices('acct-demo-0001', { signal: controller.signal })).rejects.toBeInstanceOf(OutOfTime);
    // The refresh went on without the caller: the next read finds a fresh id token and refreshes no more.
    await new Promise((r) => setTimeout(r, 400));
    sim.clearFaults(DEMO);
    expect((await session.listDevices('acct-demo-0001')).length).toBeGreaterThan(0);
    expect(requests('refresh')).toHaveLength(2);
  });
});

describe('the instrument history function', () => {
  it('answers a device\'s uploaded points for a range, and its 500s are retried but never open the breaker', async () => {
    const { clock, sim, client, signedIn, requests } = await world({ scenario: { ...demoScenario, historyFunction: { errorRate: 0 } } });
    const session = await signedIn();
    clock.advance(20 * 60_000);
    const from = new Date(Date.parse(START) + 5 * 60_000);
    const to = new Date(Date.parse(START) + 10 * 60_000);
    const points = await session.retrieveHistory(SIGNALS, { from, to });
    const truth = sim.groundTruth(SIGNALS, '1', from, to).filter((p) => p.value !== null);
    expect(points.filter((p) => p.channel === '1').map((p) => `${p.at.toISOString()}=${p.value}`)).toEqual(truth.map((p) => `${p.at.toISOString()}=${p.value}`));
    expect(requests('functions').at(-1)).toMatchObject({ method: 'POST', status: 200 });

    sim.setFaults(DEMO, { errorRate: 1, errorStatus: 500, only: ['functions'] });
    for (let i = 0; i < 4; i++) await expect(session.retrieveHistory(SIGNALS, { from, to })).rejects.toBeInstanceOf(ThermoWorksUnavailableError);
    expect(client.circuitState('uid-demo-0001')).toBe('closed');
    sim.clearFaults(DEMO);
    await expect(session.retrieveHistory('NOT-MINE', { from, to })).rejects.toBeInstanceOf(ThermoWorksRequestRejectedError);
  });
});
