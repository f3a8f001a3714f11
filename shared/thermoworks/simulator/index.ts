/**
 * A protocol-faithful ThermoWorks Cloud on one local origin. Point every `THERMOWORKS_*_URL` at `url`.
 *
 *   const sim = await startSimulator({ port: 0 });
 *   const client = createThermoWorksClient({ config: thermoWorksConfigForOrigin(sim.url) });
 *   …
 *   await sim.stop();
 */
import type { AddressInfo } from 'node:net';
import { ScaledClock, systemClock, type Clock } from '../../clock';
import { createSimulatorServer, type RequestRecord } from './http-server';
import { parseScenario, type Scenario, type ScenarioInput } from './scenario';
import { createSimulatorControl, type SimulatorControl } from './simulator-control';
import { SimulatorWorld, type CookCurveFactory } from './simulator-world';
import { demoScenario } from './demo-scenario';

export interface StartSimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** A scenario (validated); the demo scenario by default. */
  scenario?: ScenarioInput | Scenario;
  /** Simulated seconds per clock second (e.g. 60), from `scenario.startAt` or the clock's now. Default 1. */
  timeScale?: number;
  /** Real time: id-token expiry, lockouts, the request log. */
  clock?: Clock;
  /**
   * The simulated world's time, exactly, instead of `timeScale` and `scenario.startAt`: the local stack passes the one
   * clock its handlers and web app use, so that all of them agree on "now".
   */
  simulatedClock?: Clock;
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Temperature model for cooks; shared/cook/physics by default. */
  cookCurve?: CookCurveFactory;
}

export interface RunningSimulator extends SimulatorControl {
  /** `http://127.0.0.1:{port}`: the origin for every ThermoWorks base URL. */
  url: string;
  port: number;
  scenario: Scenario;
  /** Environment overrides that point the client (thermoWorksConfigFromEnv) at this simulator. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startSimulator(options: StartSimulatorOptions = {}): Promise<RunningSimulator> {
  const parsed = parseScenario(options.scenario ?? demoScenario);
  const scenario = options.seed === undefined ? parsed : { ...parsed, seed: options.seed };
  const clock = options.clock ?? systemClock;
  const world = new SimulatorWorld({
    scenario,
    clock,
    time: options.simulatedClock ?? ScaledClock.startingNow(options.timeScale ?? 1, scenarioStartMs(scenario), clock),
    seed: scenario.seed,
    ...(options.cookCurve ? { cookCurve: options.cookCurve } : {}),
  });
  const log: RequestRecord[] = [];
  const control = createSimulatorControl(world, log);
  const server = createSimulatorServer(world, control, () => clock.now(), log);

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let stopped: Promise<void> | undefined;

  return {
    ...control,
    url,
    port,
    scenario,
    env: {
      THERMOWORKS_IDENTITY_URL: url,
      THERMOWORKS_TOKEN_URL: url,
      THERMOWORKS_FIREBASE_URL: url,
      THERMOWORKS_FIRESTORE_URL: url,
      THERMOWORKS_STORAGE_URL: url,
      THERMOWORKS_FUNCTIONS_URL: url,
      THERMOWORKS_API_KEY: scenario.apiKey,
    },
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Hung (fault-injected) and keep-alive connections would hold close() open forever.
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}

/** Where a scenario's simulated time begins: `startAt`, or undefined for "now". */
export function scenarioStartMs(scenario: Scenario): number | undefined {
  if (scenario.startAt === undefined) return undefined;
  const startMs = new Date(scenario.startAt).getTime();
  if (Number.isNaN(startMs)) throw new Error(`scenario.startAt is not a date: ${scenario.startAt}`);
  return startMs;
}

export { demoScenario, DEMO_PASSWORD } from './demo-scenario';
export { parseScenario, scenarioSchema, faultConfigSchema } from './scenario';
export type { Scenario, ScenarioInput, FaultConfig, ScenarioDevice, ScenarioAccount, ScenarioChannel } from './scenario';
export type { SimulatorControl, SimulatedAccountInfo } from './simulator-control';
export type { RecordedPoint } from './device-timeline';
export type { RequestRecord } from './http-server';
export type { CookCurve, CookSample } from './cook-curve';
export type { CookCurveFactory } from './simulator-world';
