import { TimestreamQueryClient } from '@aws-sdk/client-timestream-query';
import { TimestreamWriteClient } from '@aws-sdk/client-timestream-write';
import { DynamoReadingStore } from '../../shared/aws/dynamo-reading-store';
import { TimestreamReadingStore } from '../../shared/aws/timestream-reading-store';
import type { ReadingStore } from '../../shared/readings/reading';
import type { CoreDependencies } from './core-dependencies';

/** The history store chosen at deploy time (historyStore context → HISTORY_STORE). */
export function createReadingStore(deps: CoreDependencies): ReadingStore {
  const history = deps.config.history;
  if (history.store === 'timestream') {
    return new TimestreamReadingStore(
      new TimestreamWriteClient({ region: deps.config.region }),
      new TimestreamQueryClient({ region: deps.config.region }),
      history.databaseName,
      history.tableName,
    );
  }
  return new DynamoReadingStore(deps.db(), deps.config.tableName);
}
