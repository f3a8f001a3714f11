/**
 * A RunningSimulator whose HTTP side runs in a child process (simulator-process.ts). Ground truth, transmissions and
 * the rest of the read-only control surface come from an identical simulator in this process (the simulated world is
 * a pure function of scenario, seed and time, so both agree); control calls go to both. `syncClock()` copies this
 * process's clock to the child: call it after moving the clock and before the next request.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../../shared/clock';
import { startSimulator, type RunningSimulator, type ScenarioInput, type SimulatorControl } from '../../shared/thermoworks/simulator';
import type { FromSimulator, ToSimulator } from './simulator-process';

export interface RemoteSimulator extends RunningSimulator {
  /** The child's process id (for CPU accounting). */
  pid: number;
  syncClock(): Promise<void>;
}

const MUTATING: Array<keyof SimulatorControl> = [
  'setFaults',
  'addFaults',
  'clearFaults',
  'expireIdTokens',
  'revokeRefreshTokens',
  'setUserDisabled',
  'setUserDeleted',
  'setDeviceOnline',
  'setProbeConnected',
];

export async function startRemoteSimulator(options: { scenario: ScenarioInput; clock: Clock }): Promise<RemoteSimulator> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./simulator-process.ts', import.meta.url)), [], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 0;
  const waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  let started: ((m: Extract<FromSimulator, { type: 'started' }>) => void) | undefined;
  child.on('message', (m: FromSimulator) => {
    if (m.type === 'started') started?.(m);
    else if (m.type === 'ack') {
      const w = waiting.get(m.id);
      waiting.delete(m.id);
      if (m.error) w?.reject(new Error(m.error));
      else w?.resolve();
    }
  });
  const send = (message: ToSimulator) => child.send(message);
  const call = (build: (id: number) => ToSimulator): Promise<void> =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      waiting.set(id, { resolve, reject });
      send(build(id));
    });

  const remote = await new Promise<Extract<FromSimulator, { type: 'started' }>>((resolve, reject) => {
    started = resolve;
    child.once('exit', (code) => reject(new Error(`simulator process exited with ${code}`)));
    send({ type: 'start', scenario: options.scenario, clockMs: options.clock.now().getTime() });
  });
  const mirror = await startSimulator({ port: 0, scenario: options.scenario, clock: options.clock });

  const forwarded: Partial<SimulatorControl> = {};
  for (const method of MUTATING) {
    (forwarded as Record<string, unknown>)[method] = (...args: unknown[]) => {
      (mirror[method] as (...a: unknown[]) => unknown)(...args);
      call((id) => ({ type: 'control', id, method, args })).catch((error: unknown) => console.error(`[simulator] ${method} failed:`, error));
    };
  }
  let stopped: Promise<void> | undefined;
  return {
    ...mirror,
    ...forwarded,
    url: remote.url,
    port: remote.port,
    env: remote.env,
    pid: child.pid ?? 0,
    // Control calls are sent before the clock message, and the child handles messages in order.
    syncClock: () => call((id) => ({ type: 'clock', id, clockMs: options.clock.now().getTime() })),
    stop() {
      stopped ??= (async () => {
        await mirror.stop();
        if (child.exitCode === null) {
          const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
          send({ type: 'stop' });
          await exited;
        }
      })();
      return stopped;
    },
  };
}
