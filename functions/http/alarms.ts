import { acknowledgeAlarmEvent, createAlarm, deleteAlarm, listAlarmEvents, listAlarms, updateAlarm } from '../../shared/alarms/manage-alarms';
import { alarmRouteList } from '../../shared/api/alarm-routes';
import { createDependencies, lazy } from '../runtime/dependencies';
import { httpFunction } from '../runtime/http-function';
import { createLogger } from '../runtime/logger';
import { createLiveSockets } from '../runtime/pusher';
import { createAlarmStore, createChannelStore } from '../runtime/notify';

const logger = createLogger('alarms');
const deps = createDependencies();
const alarms = lazy(() => createAlarmStore(deps));
const channels = lazy(() => createChannelStore(deps));
const live = lazy(() => createLiveSockets(deps));
const manage = () => ({ alarms: alarms(), channels: channels(), devices: deps.devices(), clock: deps.clock, live: live() });

/** Alarm rules (create, list, change, delete) and their events (history, acknowledge). */
export const handler = httpFunction(
  'alarms',
  {
    createAlarm: async ({ principal, body }) => createAlarm(principal, body, { ...manage(), ids: deps.ids }),
    listAlarms: async ({ principal, query }) => ({ alarms: await listAlarms(principal, query, manage()) }),
    updateAlarm: async ({ principal, params, body }) => updateAlarm(principal, params.alarmId, body, manage()),
    deleteAlarm: async ({ principal, params }) => deleteAlarm(principal, params.alarmId, manage()),
    listAlarmEvents: async ({ principal, query }) => listAlarmEvents(principal, query, manage()),
    acknowledgeAlarmEvent: async ({ principal, params }) => acknowledgeAlarmEvent(principal, params.eventId, manage()),
  },
  deps,
  logger,
  alarmRouteList,
);
