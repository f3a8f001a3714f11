import type { ThermoWorksPort } from '../../shared/thermoworks/port';
import { createThermoWorksClient, thermoWorksConfigFromEnv } from '../../shared/thermoworks';
import type { Dependencies } from './dependencies';

/** The ThermoWorks Cloud client; THERMOWORKS_* variables point it elsewhere (the simulator, locally). */
export function createThermoWorks(deps: Dependencies): ThermoWorksPort {
  return createThermoWorksClient({ config: thermoWorksConfigFromEnv(deps.env) });
}
