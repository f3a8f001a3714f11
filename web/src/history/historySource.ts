import type { ApiClient } from '../api/client';
import type { ReadingHub } from '../live/readingHub';

/** What a history chart needs from the page: the API and session to fetch with, and the live readings. */
export interface HistorySource {
  api: Pick<ApiClient, 'getHistory'>;
  sessionToken: string;
  readings: ReadingHub;
}
