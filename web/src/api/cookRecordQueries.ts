/**
 * The queries only the cook-record screens use (past cooks, a record's readings, ending it from its page, share links,
 * compare): apart from ./queries.ts so that the startup bundle, which every screen loads, does not carry them (nor
 * TanStack's infinite-query observer). Keys and the cache helpers they share stay in ./queries.ts.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSignedIn } from '../auth/SessionContext';
import { ApiError } from './errors';
import { COOK_PAGE_SIZE, queryKeys, removeCook, type CookRecordFilters } from './queries';

/** Ended cooks newest first, a page at a time ("Load more" passes the last page's cursor). */
export function useEndedCooksQuery(filters: CookRecordFilters) {
  const { api, token } = useSignedIn();
  return useInfiniteQuery({
    queryKey: queryKeys.cookRecords(filters),
    queryFn: ({ pageParam }) => api.listCookPage(token, { ...filters, status: 'ended', limit: COOK_PAGE_SIZE, ...(pageParam === undefined ? {} : { cursor: pageParam }) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.cursor,
  });
}

/** The cook's readings over its span; re-read every minute while it runs (the live view is the live screen). */
export function useCookReadingsQuery(cookId: string, active: boolean, maxPoints: number) {
  const { api, token } = useSignedIn();
  return useQuery({
    queryKey: [...queryKeys.cookReadings(cookId), maxPoints],
    queryFn: () => api.getCookReadings(token, cookId, maxPoints),
    refetchInterval: active ? 60_000 : false,
  });
}

/** Ends the cook from its record: the record is re-read (stats appear), the running cooks drop it. */
export function useEndCookRecord(cookId: string, serial: string) {
  const { api, token } = useSignedIn();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await api.endCook(token, cookId);
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 409)) throw error;
      }
    },
    onSuccess: async () => {
      removeCook(queryClient, serial);
      await queryClient.invalidateQueries({ queryKey: queryKeys.cook(cookId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.cookRecordsAll });
    },
  });
}

export function useSharesQuery(cookId: string) {
  const { api, token } = useSignedIn();
  return useQuery({ queryKey: queryKeys.shares(cookId), queryFn: () => api.listShares(token, cookId) });
}

export function useShareActions(cookId: string) {
  const { api, token } = useSignedIn();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.shares(cookId) });
  const create = useMutation({ mutationFn: (expiresInHours: number) => api.createShare(token, cookId, expiresInHours), onSuccess: refresh });
  const revoke = useMutation({ mutationFn: (shareId: string) => api.revokeShare(token, cookId, shareId), onSuccess: refresh });
  return { create, revoke };
}

export function useCompareQuery(ids: readonly [string, string] | null) {
  const { api, token } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.compare(ids?.join(',') ?? ''),
    queryFn: () => api.compareCooks(token, ids ?? ['', '']),
    enabled: ids !== null,
  });
}
