import type { ThermoWorksPort } from '../../shared/thermoworks/port';
import { createThermoWorksClient, thermoWorksConfigFromEnv } from '../../shared/thermoworks';
import type { CoreDependencies } from './core-dependencies';

/**
 * The ThermoWorks Cloud client; THERMOWORKS_* variables point it elsewhere (the simulator, locally). Tokens and backoff
 * run on real time, as the service (and the simulator's identity) issue them; device timestamps are read against
 * `deps.clock`, the time the simulator stamps them in.
 */
export function createThermoWorks(deps: CoreDependencies): ThermoWorksPort {
  return createThermoWorksClient({ config: thermoWorksConfigFromEnv(deps.env), clock: deps.wallClock, deviceClock: deps.clock });
}
