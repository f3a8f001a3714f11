import { listSessions, revokeOtherSessions, revokeSession, signOut } from '../../shared/auth/sessions';
import { createDependencies, lazy } from '../runtime/dependencies';
import { httpFunction } from '../runtime/http-function';
import { createLogger } from '../runtime/logger';
import { createPusher } from '../runtime/pusher';

const logger = createLogger('sessions');
const deps = createDependencies();
const pusher = lazy(() => createPusher(deps));
const sessionDeps = () => ({ sessions: deps.sessions(), clock: deps.clock, policy: deps.config.sessions, live: { connections: deps.connections(), pusher: pusher() } });

/** Sign-out and the session list: revoking a session closes its WebSockets at once. */
export const handler = httpFunction(
  'sessions',
  {
    logout: async ({ principal }) => {
      await signOut(principal, sessionDeps());
      return { signedOut: true };
    },
    listSessions: async ({ principal }) => ({ sessions: await listSessions(principal, sessionDeps()) }),
    revokeOtherSessions: async ({ principal }) => ({ revoked: await revokeOtherSessions(principal, sessionDeps()) }),
    revokeSession: async ({ principal, params }) => ({ revoked: await revokeSession(principal, params.sessionId, sessionDeps()) }),
  },
  deps,
  logger,
);
