import { login } from '../../shared/auth/login';
import { createDependencies, lazy } from '../runtime/dependencies';
import { httpFunction } from '../runtime/http-function';
import { createLogger } from '../runtime/logger';
import { createPusher } from '../runtime/pusher';
import { createThermoWorks } from '../runtime/thermoworks';
import { createVault } from '../runtime/vault';

const logger = createLogger('login');
const deps = createDependencies();
const thermoworks = lazy(() => createThermoWorks(deps));
const vault = lazy(() => createVault(deps));
const pusher = lazy(() => createPusher(deps));

/** POST /auth/login — ThermoWorks email + password in (throttled), opaque Pitwatch session token out. */
export const handler = httpFunction(
  'login',
  {
    login: async ({ body, origin }) => {
      const result = await login(body, origin, {
        thermoworks: thermoworks(),
        accounts: deps.accounts(),
        sessions: deps.sessions(),
        vault: vault(),
        clock: deps.clock,
        ids: deps.ids,
        sessionPolicy: deps.config.sessions,
        attempts: deps.signInAttempts(),
        throttle: deps.config.signIn,
        throttleClock: deps.wallClock,
        live: { connections: deps.connections(), pusher: pusher() },
      });
      logger.info('Signed in', { userId: result.user.userId });
      return result;
    },
  },
  deps,
  logger,
);
