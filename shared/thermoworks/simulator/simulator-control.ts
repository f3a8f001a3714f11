/**
 * The simulator's control surface, shared by the programmatic API (tests, local stack) and the
 * `/__admin/...` HTTP endpoints: inject faults, break auth, take devices offline, unplug probes, and read
 * the ground truth the devices really measured.
 */
import type { RecordedPoint } from './device-timeline';
import type { RequestRecord } from './http-server';
import type { FaultConfig } from './scenario';
import type { SimulatorWorld } from './simulator-world';

export interface SimulatedAccountInfo {
  email: string;
  uid: string;
  accountId: string;
  devices: Array<{ serial: string; label: string; kind: string; channels: string[] }>;
}

export interface SimulatorControl {
  /** Simulated now: the world's clock (`timeScale` times the real one, or the clock it was given). */
  now(): Date;
  accounts(): SimulatedAccountInfo[];
  /** Replace the faults for an account email, or `*` for every request. */
  setFaults(key: string, faults: FaultConfig): void;
  /** Add to the faults of `key`, keeping the others. */
  addFaults(key: string, faults: FaultConfig): void;
  /** Clear the faults of `key`, or all faults. */
  clearFaults(key?: string): void;
  faults(key: string): FaultConfig;
  /** Id tokens stop working at once (401 UNAUTHENTICATED); the refresh token still works. */
  expireIdTokens(email: string): void;
  /** Password change: refresh answers TOKEN_EXPIRED and id tokens stop working. */
  revokeRefreshTokens(email: string): void;
  setUserDisabled(email: string, disabled: boolean): void;
  setUserDeleted(email: string, deleted: boolean): void;
  setDeviceOnline(serial: string, online: boolean): void;
  setProbeConnected(serial: string, channel: string, connected: boolean): void;
  /** What the device measured at each recording instant in [from, to] (null while unplugged). */
  groundTruth(serial: string, channel: string, from: Date, to: Date): RecordedPoint[];
  /** When the device uploaded in [from, to] (a new reading became visible). */
  transmissions(serial: string, from: Date, to: Date): Date[];
  /** Requests seen (newest last, at most 10,000). */
  requests(): RequestRecord[];
  clearRequests(): void;
}

export function createSimulatorControl(world: SimulatorWorld, log: RequestRecord[]): SimulatorControl {
  const requireAccount = (email: string) => {
    const account = world.identity.account(email);
    if (!account) throw new Error(`No simulated account ${email}`);
    return account;
  };
  return {
    now: () => world.time.now(),
    accounts: () =>
      world.identity.accounts().map((a) => ({
        email: a.email,
        uid: a.uid,
        accountId: a.accountId,
        devices: a.devices.map((d) => ({ serial: d.serial, label: d.label, kind: d.device, channels: d.channels.map((c) => c.number) })),
      })),
    setFaults: (key, faults) => world.faults.set(key, faults),
    addFaults: (key, faults) => world.faults.merge(key, faults),
    clearFaults: (key) => world.faults.clear(key),
    faults: (key) => world.faults.get(key),
    expireIdTokens: (email) => world.identity.expireIdTokens(requireAccount(email).email),
    revokeRefreshTokens: (email) => world.identity.revokeRefreshTokens(requireAccount(email).email),
    setUserDisabled: (email, disabled) => world.identity.setDisabled(requireAccount(email).email, disabled),
    setUserDeleted: (email, deleted) => world.identity.setDeleted(requireAccount(email).email, deleted),
    setDeviceOnline: (serial, online) => world.requireTimeline(serial).setOnline(online, world.nowMs()),
    setProbeConnected: (serial, channel, connected) => {
      const timeline = world.requireTimeline(serial);
      if (!timeline.channel(channel)) throw new Error(`Device ${serial} has no channel ${channel}`);
      timeline.setProbeConnected(channel, connected, world.nowMs());
    },
    groundTruth: (serial, channel, from, to) => world.groundTruth(serial, channel, from, to),
    transmissions: (serial, from, to) => world.requireTimeline(serial).transmissions(from.getTime(), to.getTime()),
    requests: () => [...log],
    clearRequests: () => {
      log.length = 0;
    },
  };
}
