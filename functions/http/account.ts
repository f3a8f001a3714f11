import { accountStatus } from '../../shared/auth/account-status';
import { createDependencies } from '../runtime/dependencies';
import { httpFunction } from '../runtime/http-function';
import { createLogger } from '../runtime/logger';

const logger = createLogger('account');
const deps = createDependencies();

/** GET /account — the linked ThermoWorks account's health: ok, failing (and why), or re-link needed. */
export const handler = httpFunction(
  'account',
  {
    getAccount: async ({ principal }) => accountStatus(principal.userId, deps.accounts()),
  },
  deps,
  logger,
);
