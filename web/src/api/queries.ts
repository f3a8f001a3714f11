/**
 * Server state, one query per resource, keyed here once. Reads merge with what live messages already put in the
 * cache: an HTTP answer started before a newer live reading or prediction must not step the screen back in time.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AddCookEventRequest, CookDetail, PatchCookRequest } from '../../../shared/api/cook-schemas';
import type { AccountStatus, CookView, DeviceView } from '../../../shared/api/schemas';
import type { SettingsPatch, UserSettingsView } from '../../../shared/api/settings-schemas';
import type { AccountKnowledge } from '../account/accountNotice';
import { useSignedIn } from '../auth/SessionContext';
import { keepNewerPredictions } from '../cooks/cooksState';
import { keepNewerChannels } from '../devices/devicesState';
import { DEFAULT_SETTINGS, rememberSettings, rememberedSettings } from '../settings/settingsCache';
import type { CookListQuery, StartCookBody } from './client';
import { ApiError } from './errors';

export const queryKeys = {
  devices: ['devices'],
  cooks: ['cooks'],
  account: ['account'],
  settings: ['settings'],
  sessions: ['sessions'],
  cook: (cookId: string) => ['cook', cookId] as const,
  cookReadings: (cookId: string) => ['cook', cookId, 'readings'] as const,
  cookRecords: (filters: CookRecordFilters) => ['cook-records', filters] as const,
  cookRecordsAll: ['cook-records'] as const,
  shares: (cookId: string) => ['cook', cookId, 'shares'] as const,
  compare: (ids: string) => ['compare', ids] as const,
};

export type CookRecordFilters = Pick<CookListQuery, 'q' | 'tag' | 'from' | 'to' | 'minRating'>;
export const COOK_PAGE_SIZE = 20;

/**
 * Until the server pushes `cook` messages (the cook-records work), another screen's new or ended cook is only learnt
 * by re-reading the list: this often while the page is visible. The first `cook` message proves the server pushes them,
 * and the re-reading stops (live/liveMessages.ts calls `serverPushesCooks`).
 */
export const COOKS_FALLBACK_REFETCH_MS = 4_000;
let cooksArePushed = false;
export function serverPushesCooks(): void {
  cooksArePushed = true;
}

export function useDevicesQuery() {
  const { api, token } = useSignedIn();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.devices,
    queryFn: async (): Promise<DeviceView[]> => {
      const loaded = await api.listDevices(token);
      return keepNewerChannels(queryClient.getQueryData<DeviceView[]>(queryKeys.devices) ?? null, loaded);
    },
  });
}

export function useCooksQuery() {
  const { api, token } = useSignedIn();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.cooks,
    queryFn: async (): Promise<CookView[]> => {
      const loaded = await api.listCooks(token);
      return keepNewerPredictions(queryClient.getQueryData<CookView[]>(queryKeys.cooks) ?? null, loaded);
    },
    refetchInterval: () => (cooksArePushed ? false : COOKS_FALLBACK_REFETCH_MS),
  });
}

/** GET /account every minute; a 404 means no linked account at all (treated like "sign in again"). */
export function useAccountQuery() {
  const { api, token } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.account,
    queryFn: async (): Promise<AccountKnowledge> => {
      try {
        const account: AccountStatus = await api.getAccount(token);
        return { kind: 'loaded', account };
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return { kind: 'unlinked' };
        throw error;
      }
    },
    refetchInterval: 60_000,
  });
}

export function upsertCook(queryClient: QueryClient, cook: CookView): void {
  queryClient.setQueryData<CookView[]>(queryKeys.cooks, (cooks) => [...(cooks ?? []).filter((c) => c.serial !== cook.serial), cook]);
}

export function removeCook(queryClient: QueryClient, serial: string): void {
  queryClient.setQueryData<CookView[]>(queryKeys.cooks, (cooks) => (cooks?.some((c) => c.serial === serial) ? cooks.filter((c) => c.serial !== serial) : cooks));
}

/** A cook ended or changed elsewhere: its record (now with stats) and the past-cooks lists are read afresh. */
export function cookRecordChanged(queryClient: QueryClient, cookId: string): void {
  void queryClient.invalidateQueries({ queryKey: queryKeys.cook(cookId) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.cookRecordsAll });
}

export function useCookActions() {
  const { api, token } = useSignedIn();
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: (request: StartCookBody) => api.startCook(token, request),
    onSuccess: (cook) => upsertCook(queryClient, cook),
  });
  const end = useMutation({
    mutationFn: async (serial: string) => {
      const cookId = queryClient.getQueryData<CookView[]>(queryKeys.cooks)?.find((c) => c.serial === serial)?.cookId;
      try {
        if (cookId) await api.endCook(token, cookId);
      } catch (error) {
        // Already ended (another screen, or the first click's answer got lost): the page just catches up.
        if (!(error instanceof ApiError && (error.status === 404 || error.status === 409))) throw error;
      }
      return { serial, cookId };
    },
    onSuccess: ({ serial, cookId }) => {
      removeCook(queryClient, serial);
      if (cookId !== undefined) cookRecordChanged(queryClient, cookId);
    },
  });
  return { start, end };
}

/** The user's settings; until the server answers, the ones this browser saw last (so the theme does not flash). */
export function useSettingsQuery() {
  const { api, token } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.settings,
    queryFn: async () => {
      const settings = await api.getSettings(token);
      rememberSettings(settings);
      return settings;
    },
    placeholderData: () => rememberedSettings() ?? DEFAULT_SETTINGS,
    staleTime: 60_000,
  });
}

/** Changes settings at once on screen (optimistic), then on the server; a refusal puts the old ones back. */
export function useUpdateSettings() {
  const { api, token } = useSignedIn();
  const queryClient = useQueryClient();
  // Choices made quickly overlap: the first save's answer predates the second choice. Only the last save to
  // finish may write the server's copy into the cache; an earlier one would put the later choice back.
  const othersPending = () => queryClient.isMutating({ mutationKey: SETTINGS_MUTATION }) > 1;
  return useMutation({
    mutationKey: SETTINGS_MUTATION,
    mutationFn: (patch: SettingsPatch) => api.updateSettings(token, patch),
    onMutate: async (patch) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.settings });
      const previous = queryClient.getQueryData<UserSettingsView>(queryKeys.settings);
      const base = previous ?? rememberedSettings() ?? DEFAULT_SETTINGS;
      queryClient.setQueryData<UserSettingsView>(queryKeys.settings, { ...base, ...patch });
      return { previous };
    },
    onError: async (_error, _patch, context) => {
      if (othersPending()) return;
      if (context?.previous !== undefined) queryClient.setQueryData(queryKeys.settings, context.previous);
      // A refusal in a run of saves: the server's copy is the truth, whichever of them it kept.
      await queryClient.invalidateQueries({ queryKey: queryKeys.settings });
    },
    onSuccess: (settings) => {
      if (othersPending()) return;
      rememberSettings(settings);
      queryClient.setQueryData(queryKeys.settings, settings);
    },
  });
}

const SETTINGS_MUTATION = ['settings', 'update'] as const;

export function useSessionsQuery() {
  const { api, token } = useSignedIn();
  return useQuery({ queryKey: queryKeys.sessions, queryFn: () => api.listSessions(token) });
}

/** One cook record with its events; `undefined` (no cook) asks nothing. */
export function useCookDetailQuery(cookId: string | undefined) {
  const { api, token } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.cook(cookId ?? ''),
    queryFn: () => api.getCook(token, cookId ?? ''),
    enabled: cookId !== undefined,
  });
}

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

/** Edits and timeline events of one cook: each answer is the whole cook, put straight into its query. */
export function useCookEdits(cookId: string) {
  const { api, token } = useSignedIn();
  const queryClient = useQueryClient();
  const keep = (cook: CookDetail) => {
    queryClient.setQueryData(queryKeys.cook(cookId), cook);
    void queryClient.invalidateQueries({ queryKey: queryKeys.cookRecordsAll });
  };
  const addEvent = useMutation({ mutationFn: (event: AddCookEventRequest) => api.addCookEvent(token, cookId, event), onSuccess: keep });
  const patch = useMutation({ mutationFn: (change: PatchCookRequest) => api.patchCook(token, cookId, change), onSuccess: keep });
  const deleteEvent = useMutation({
    mutationFn: async (eventId: string) => {
      await api.deleteCookEvent(token, cookId, eventId);
      return eventId;
    },
    onSuccess: (eventId) =>
      queryClient.setQueryData<CookDetail>(queryKeys.cook(cookId), (cook) => (cook === undefined ? cook : { ...cook, events: cook.events.filter((e) => e.eventId !== eventId) })),
  });
  return { addEvent, patch, deleteEvent };
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

