import { deleteAccount, exportAccount } from '../../shared/account/account-data';
import { dynamoAccountDataParts } from '../../shared/aws/dynamo-account-data';
import type { HistoryEraser, ReadingStore } from '../../shared/readings/reading';
import { createDependencies, lazy } from '../runtime/dependencies';
import { createExportStore } from '../runtime/exports';
import { createReadingStore } from '../runtime/history';
import { httpFunction } from '../runtime/http-function';
import { createLogger } from '../runtime/logger';
import { createLiveSockets } from '../runtime/pusher';

const logger = createLogger('privacy');
const deps = createDependencies();
// Both history stores can erase (Timestream's erase says it cannot, and why): see shared/aws/*-reading-store.ts.
const history = lazy(() => createReadingStore(deps) as ReadingStore & HistoryEraser);
const exports = lazy(() => createExportStore(deps));
const dataDeps = () => ({ links: deps.accounts(), parts: dynamoAccountDataParts(deps.db(), deps.config.tableName, history()), clock: deps.clock });

/** Your data: everything stored for you as one JSON file, and deleting all of it. */
export const handler = httpFunction(
  'privacy',
  {
    exportAccount: async ({ principal }) => exportAccount(principal.userId, { ...dataDeps(), exports: exports(), ids: deps.ids }),
    deleteAccount: async ({ principal, body }) =>
      deleteAccount(principal.userId, body.confirm, { ...dataDeps(), live: createLiveSockets(deps) }),
  },
  deps,
  logger,
);
