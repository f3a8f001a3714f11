/**
 * The alarm entries of the query cache, and how socket messages and answers change them. Loaded at startup (the live
 * connection's messages land here), so it holds no API client and no screen: those load with the alarm screens.
 */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { AlarmEventView, ChannelView } from '../../../shared/api/alarm-schemas';
import type { AlarmEventPage, ChannelList } from './alarmApi';

export const alarmKeys = {
  alarms: ['alarms'] as const,
  events: ['alarm-events'] as const,
  channels: ['notification-channels'] as const,
  /** Alarms ringing on this page (from the socket), for the banner: not a server resource. */
  ringing: ['alarm-banner'] as const,
};

/** An event changed (acknowledged here, or a socket message): the history and the banner take the new copy. */
export function putAlarmEvent(queryClient: QueryClient, event: AlarmEventView): void {
  const history = queryClient.getQueryData<{ pages: AlarmEventPage[]; pageParams: unknown[] }>(alarmKeys.events);
  if (history?.pages.some((p) => p.events.some((e) => e.eventId === event.eventId))) {
    queryClient.setQueryData(alarmKeys.events, {
      ...history,
      pages: history.pages.map((p) => ({ ...p, events: p.events.map((e) => (e.eventId === event.eventId ? event : e)) })),
    });
  } else if (history !== undefined) {
    // A new event: the history is read afresh (its order and pages are the server's).
    void queryClient.invalidateQueries({ queryKey: alarmKeys.events });
  }
  queryClient.setQueryData<AlarmEventView[]>(alarmKeys.ringing, (ringing = []) => {
    const others = ringing.filter((e) => e.eventId !== event.eventId);
    return event.state === 'fired' || event.state === 'delivered' ? [...others, event] : others;
  });
}

/** The alarms ringing on this page, newest last. */
export function useRingingAlarms(): AlarmEventView[] {
  const { data } = useQuery<AlarmEventView[]>({ queryKey: alarmKeys.ringing, queryFn: () => [], initialData: [], staleTime: Infinity, enabled: false });
  return data;
}

export function putChannel(queryClient: QueryClient, channel: ChannelView): void {
  queryClient.setQueryData<ChannelList>(alarmKeys.channels, (list) =>
    list === undefined ? list : { ...list, channels: [...list.channels.filter((c) => c.channelId !== channel.channelId), channel] },
  );
}
