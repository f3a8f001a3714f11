import { getSettings, updateSettings } from '../../shared/settings/user-settings';
import { createDependencies } from '../runtime/dependencies';
import { httpFunction } from '../runtime/http-function';
import { createLogger } from '../runtime/logger';

const logger = createLogger('settings');
const deps = createDependencies();

/** GET/PATCH /me/settings — the caller's display settings, the same on every screen they sign in on. */
export const handler = httpFunction(
  'settings',
  {
    getSettings: async ({ principal }) => getSettings(principal.userId, { settings: deps.settings() }),
    updateSettings: async ({ principal, body }) => updateSettings(principal.userId, body, { settings: deps.settings(), clock: deps.clock }),
  },
  deps,
  logger,
);
