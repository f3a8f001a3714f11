import { createApiToken, listApiTokens, revokeApiToken } from '../../shared/auth/api-tokens';
import { createDependencies, lazy } from '../runtime/dependencies';
import { httpFunction } from '../runtime/http-function';
import { createLogger } from '../runtime/logger';
import { createPusher } from '../runtime/pusher';

const logger = createLogger('tokens');
const deps = createDependencies();
const pusher = lazy(() => createPusher(deps));
const tokenDeps = () => ({ tokens: deps.apiTokens(), clock: deps.clock });

/** API tokens for tools, managed from a signed-in session only: create (shown once), list, revoke. */
export const handler = httpFunction(
  'tokens',
  {
    createApiToken: async ({ principal, body }) => createApiToken(principal, body, { ...tokenDeps(), ids: deps.ids }),
    listApiTokens: async ({ principal }) => ({ tokens: await listApiTokens(principal, tokenDeps()) }),
    revokeApiToken: async ({ principal, params }) => ({
      revoked: await revokeApiToken(principal, params.tokenId, { ...tokenDeps(), live: { connections: deps.connections(), pusher: pusher() } }),
    }),
  },
  deps,
  logger,
);
