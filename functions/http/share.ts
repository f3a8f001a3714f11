import { sharedCook } from '../../shared/sharing/share-links';
import { createDependencies, lazy } from '../runtime/dependencies';
import { createReadingStore } from '../runtime/history';
import { httpFunction } from '../runtime/http-function';
import { createLogger } from '../runtime/logger';

const logger = createLogger('share');
const deps = createDependencies();
const readings = lazy(() => createReadingStore(deps));

/** The public share page's data: one shared cook, no sign-in, nothing else of the account. */
export const handler = httpFunction(
  'share',
  {
    getSharedCook: async ({ params, query }) =>
      sharedCook(params.token, query.maxPoints, { credentials: deps.shareCredentials(), cooks: deps.cooks(), readings: readings(), clock: deps.clock }),
  },
  deps,
  logger,
);
