/**
 * The ThermoWorks simulator in a process of its own (forked by remote-simulator.ts), so a bench measures the worker
 * without the simulator's HTTP serving sharing its event loop, as ThermoWorks Cloud is remote in AWS. Its clock is
 * a ManualClock the parent sets over IPC; control calls (faults, …) arrive the same way.
 */
import { ManualClock } from '../../shared/clock';
import { startSimulator, type RunningSimulator, type ScenarioInput } from '../../shared/thermoworks/simulator';

export type ToSimulator =
  | { type: 'start'; scenario: ScenarioInput; clockMs: number }
  | { type: 'clock'; id: number; clockMs: number }
  | { type: 'control'; id: number; method: string; args: unknown[] }
  | { type: 'stop' };

export type FromSimulator =
  | { type: 'started'; url: string; port: number; env: Record<string, string> }
  | { type: 'ack'; id: number; error?: string };

const clock = new ManualClock(0);
let simulator: RunningSimulator | undefined;
const reply = (message: FromSimulator) => process.send?.(message);

process.on('message', (message: ToSimulator) => {
  void (async () => {
    if (message.type === 'start') {
      clock.set(message.clockMs);
      simulator = await startSimulator({ port: 0, scenario: message.scenario, clock });
      reply({ type: 'started', url: simulator.url, port: simulator.port, env: simulator.env });
    } else if (message.type === 'clock') {
      clock.set(message.clockMs);
      reply({ type: 'ack', id: message.id });
    } else if (message.type === 'control') {
      try {
        const method = (simulator as unknown as Record<string, (...args: unknown[]) => unknown>)[message.method];
        if (typeof method !== 'function') throw new Error(`no simulator method ${message.method}`);
        method(...message.args);
        reply({ type: 'ack', id: message.id });
      } catch (error) {
        reply({ type: 'ack', id: message.id, error: error instanceof Error ? error.message : String(error) });
      }
    } else if (message.type === 'stop') {
      await simulator?.stop();
      process.exit(0);
    }
  })();
});
