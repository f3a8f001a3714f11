import { DynamoReadingStore } from '../../shared/aws/dynamo-reading-store';
import { TimestreamReadingStore } from '../../shared/aws/timestream-reading-store';
import type { ReadingStore } from '../../shared/readings/reading';
import { lazy, type CoreDependencies } from './core-dependencies';

/** The history store chosen at deploy time (historyStore context → HISTORY_STORE). */
export function createReadingStore(deps: CoreDependencies): ReadingStore {
  const history = deps.config.history;
  if (history.store === 'timestream') {
    const region = deps.config.region;
    // Imported on first write or query (see TimestreamReadingStore): most functions that hold a store only read.
    return new TimestreamReadingStore(
      lazy(async () => new (await import('@aws-sdk/client-timestream-write')).TimestreamWriteClient({ region })),
      lazy(async () => new (await import('@aws-sdk/client-timestream-query')).TimestreamQueryClient({ region })),
      history.databaseName,
      history.tableName,
    );
  }
  return new DynamoReadingStore(deps.db(), deps.config.tableName);
}
