/**
 * Server state of the alarm screens, in the style of ../api/queries.ts: one query per resource, keyed here once;
 * mutations put the server's answer straight into the cache. The alarm API comes from AlarmApiContext (tests give a
 * fake) or is built from the session's config.
 */
import { createContext, useContext, useMemo } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AlarmView, UpdateAlarmRequest } from '../../../shared/api/alarm-schemas';
import { useSignedIn } from '../auth/SessionContext';
import { alarmKeys, putAlarmEvent, putChannel } from './alarmCache';
import { createAlarmApi, type AlarmApi, type AlarmEventPage, type ChannelList, type CreateAlarmBody, type CreateChannelBody, type UpdateChannelBody } from './alarmApi';


export { alarmKeys, putAlarmEvent, putChannel, useRingingAlarms } from './alarmCache';

export const AlarmApiContext = createContext<AlarmApi | null>(null);

export function useAlarmApi(): { alarmApi: AlarmApi; token: string } {
  const given = useContext(AlarmApiContext);
  const { config, token } = useSignedIn();
  const built = useMemo(() => given ?? createAlarmApi(config), [given, config]);
  return { alarmApi: built, token };
}

export function useAlarmsQuery() {
  const { alarmApi, token } = useAlarmApi();
  return useQuery({ queryKey: alarmKeys.alarms, queryFn: () => alarmApi.listAlarms(token) });
}

function putAlarm(queryClient: QueryClient, alarm: AlarmView): void {
  queryClient.setQueryData<AlarmView[]>(alarmKeys.alarms, (alarms) => [...(alarms ?? []).filter((a) => a.alarmId !== alarm.alarmId), alarm]);
}

export function useAlarmActions() {
  const { alarmApi, token } = useAlarmApi();
  const queryClient = useQueryClient();
  const create = useMutation({ mutationFn: (body: CreateAlarmBody) => alarmApi.createAlarm(token, body), onSuccess: (alarm) => putAlarm(queryClient, alarm) });
  const update = useMutation({
    mutationFn: ({ alarmId, patch }: { alarmId: string; patch: UpdateAlarmRequest }) => alarmApi.updateAlarm(token, alarmId, patch),
    onSuccess: (alarm) => putAlarm(queryClient, alarm),
  });
  const remove = useMutation({
    mutationFn: async (alarmId: string) => {
      await alarmApi.deleteAlarm(token, alarmId);
      return alarmId;
    },
    onSuccess: (alarmId) => queryClient.setQueryData<AlarmView[]>(alarmKeys.alarms, (alarms) => alarms?.filter((a) => a.alarmId !== alarmId)),
  });
  return { create, update, remove };
}

/** Alarm history, a page at a time. */
export function useAlarmEventsQuery() {
  const { alarmApi, token } = useAlarmApi();
  return useInfiniteQuery({
    queryKey: alarmKeys.events,
    queryFn: ({ pageParam }): Promise<AlarmEventPage> => alarmApi.listAlarmEvents(token, pageParam === undefined ? {} : { cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.cursor,
  });
}

export function useAcknowledge() {
  const { alarmApi, token } = useAlarmApi();
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (eventId: string) => alarmApi.acknowledgeAlarmEvent(token, eventId), onSuccess: (event) => putAlarmEvent(queryClient, event) });
}

export function useChannelsQuery() {
  const { alarmApi, token } = useAlarmApi();
  return useQuery({ queryKey: alarmKeys.channels, queryFn: () => alarmApi.listChannels(token) });
}

export function useChannelActions() {
  const { alarmApi, token } = useAlarmApi();
  const queryClient = useQueryClient();
  const create = useMutation({
    // The answer carries a webhook's secret, once: it is shown by the caller, never kept in the cache.
    mutationFn: (body: CreateChannelBody) => alarmApi.createChannel(token, body),
    onSuccess: ({ secret: _secret, ...channel }) => putChannel(queryClient, channel),
  });
  const update = useMutation({
    mutationFn: ({ channelId, patch }: { channelId: string; patch: UpdateChannelBody }) => alarmApi.updateChannel(token, channelId, patch),
    onSuccess: (channel) => putChannel(queryClient, channel),
  });
  const remove = useMutation({
    mutationFn: async (channelId: string) => {
      await alarmApi.deleteChannel(token, channelId);
      return channelId;
    },
    onSuccess: (channelId) =>
      queryClient.setQueryData<ChannelList>(alarmKeys.channels, (list) => (list === undefined ? list : { ...list, channels: list.channels.filter((c) => c.channelId !== channelId) })),
  });
  const test = useMutation({
    mutationFn: (channelId: string) => alarmApi.testChannel(token, channelId),
    // The outcome arrives as the channel's last delivery: read it again shortly.
    onSuccess: () => setTimeout(() => void queryClient.invalidateQueries({ queryKey: alarmKeys.channels }), 2_000),
  });
  return { create, update, remove, test };
}
