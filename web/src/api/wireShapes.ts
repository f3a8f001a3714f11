/**
 * The browser's readers of the API's bodies (and of the socket messages' shared parts), one per shared contract type,
 * field for field as the zod schemas in shared/api say. Each is typed against the schema's inferred type, so a field
 * the schema has and a reader lacks fails to compile; wireShapes.test.ts checks they accept what the schemas accept.
 */
import type { infer as Infer } from 'zod';
import type { downloadLinkSchema } from '../../../shared/api/account-schemas';
import type { revokedSchema, sessionListSchema, signedOutSchema, SessionView } from '../../../shared/api/auth-schemas';
import type {
  compareCooksSchema,
  CookDetail,
  CookReadings,
  eventDeletedSchema,
  shareCreatedSchema,
  SharedCook,
  shareListSchema,
  shareRevokedSchema,
} from '../../../shared/api/cook-schemas';
import type {
  AccountStatus,
  cooksResponseSchema,
  DevicesResponse,
  CookAlert,
  CookProbeView,
  CookView,
  DeviceView,
  ErrorBody,
  HistoryResponse,
  LoginResponse,
  ProbePrediction,
  ServeCheck,
  WebConfig,
} from '../../../shared/api/schemas';
import type { UserSettingsView } from '../../../shared/api/settings-schemas';
import { isTimeZone } from '../../../shared/settings/time-zone';
import { CHANNEL_UNITS } from '../../../shared/thermoworks/channel-unit';
import {
  anyObject,
  array,
  boolean,
  integer,
  nullable,
  number,
  object,
  oneOf,
  optional,
  pair,
  string,
  withDefault,
  WireShapeError,
  type Reader,
} from './wireReader';

const temperatureUnit = oneOf(['F', 'C']);
const channelUnit = oneOf(CHANNEL_UNITS);
const cookStatus = oneOf(['active', 'ended']);

export const readErrorBody: Reader<ErrorBody> = object({
  error: object({ code: string, message: string, details: optional(anyObject) }),
});

export const readWebConfig: Reader<WebConfig> = object({
  apiUrl: string,
  wsUrl: string,
  clock: optional(
    object({
      scale: (value, at) => {
        const scale = number(value, at);
        if (scale <= 0 || scale > 1_000_000) throw new WireShapeError(at ?? '', 'a clock scale in (0, 1000000]');
        return scale;
      },
      realOriginMs: integer(0),
      simulatedOriginMs: integer(),
    }),
  ),
});

export const readLoginResponse: Reader<LoginResponse> = object({
  sessionToken: string,
  expiresAt: string,
  user: object({ userId: string, email: string }),
});

const readDevice: Reader<DeviceView> = object({
  serial: string,
  label: string,
  kind: string,
  battery: nullable(number),
  wifiDbm: nullable(number),
  online: boolean,
  lastSeen: nullable(string),
  channels: array(
    object({
      number: string,
      label: string,
      value: nullable(number),
      units: channelUnit,
      status: string,
      probeConnected: boolean,
      at: nullable(string),
    }),
  ),
});
export const readDevicesResponse: Reader<DevicesResponse> = object({ devices: array(readDevice) });

export const readHistoryResponse: Reader<HistoryResponse> = object({
  serial: string,
  channel: string,
  from: string,
  to: string,
  binSeconds: nullable(number),
  points: array(object({ at: string, value: number, units: channelUnit })),
});

export const readAccountStatus: Reader<AccountStatus> = object({
  userId: string,
  email: string,
  status: oneOf(['ok', 'relink-needed', 'failing']),
  statusMessage: nullable(string),
  linkedAt: string,
  lastPolledAt: nullable(string),
  lastReadingAt: nullable(string),
});

/** The fields of a probe prediction and of a cook alert, shared with their socket messages. */
export const probePredictionShape = {
  channel: string,
  phase: oneOf(['heating', 'stall', 'post_stall', 'done', 'unknown']),
  etaAt: nullable(string),
  etaLowAt: nullable(string),
  etaHighAt: nullable(string),
  reason: nullable(string),
  stallStartedAt: nullable(string),
  at: string,
  basedOn: optional(string),
};
export const cookAlertShape = {
  kind: oneOf(['eta-within', 'target-reached', 'stall-started', 'stall-ended', 'pit-dropping', 'pit-recovered', 'lid-open']),
  channel: nullable(string),
  message: string,
  at: string,
};
const readPrediction: Reader<ProbePrediction> = object(probePredictionShape);
const readAlert: Reader<CookAlert> = object(cookAlertShape);
const readCookProbe: Reader<CookProbeView> = object({
  channel: string,
  label: nullable(string),
  targetF: number,
  presetId: nullable(string),
  meat: nullable(string),
  units: temperatureUnit,
});

/** serveCheckSchema: on track, late or early for the cook's serve time, with what would make up the time. */
export const readServeCheck: Reader<ServeCheck> = object({
  status: oneOf(['on-track', 'late', 'early', 'waiting']),
  minutesLate: nullable(integer()),
  doneAt: nullable(string),
  readyAt: nullable(string),
  channel: nullable(string),
  restMinutes: integer(0),
  restMaxMinutes: integer(0),
  pitF: nullable(number),
  pitEnough: boolean,
  wrap: boolean,
  at: string,
});

const cookViewShape = {
  cookId: string,
  serial: string,
  status: cookStatus,
  name: string,
  tags: array(string),
  rating: nullable(integer(1, 5)),
  startedAt: string,
  endedAt: nullable(string),
  pitChannel: nullable(string),
  probes: array(readCookProbe),
  predictions: array(readPrediction),
  alerts: withDefault(array(readAlert), () => []),
  serveAt: optional(string),
  serveCheck: optional(readServeCheck),
};
export const readCookView: Reader<CookView> = object(cookViewShape);
export const readCooksResponse: Reader<Infer<typeof cooksResponseSchema>> = object({ cooks: array(readCookView), cursor: optional(string) });

const readCookEvent = object({
  eventId: string,
  kind: oneOf(['wrapped', 'spritzed', 'fuel', 'lid-open', 'probe-moved', 'note']),
  at: string,
  text: optional(string),
  probe: optional(string),
  endedAt: optional(string),
});

export const readCookDetail: Reader<CookDetail> = object({
  ...cookViewShape,
  notes: string,
  events: array(readCookEvent),
  stats: nullable(
    object({
      durationSeconds: number,
      probes: array(
        object({
          channel: string,
          targetF: number,
          timeToTargetSeconds: nullable(number),
          stallStartedAt: nullable(string),
          stallSeconds: nullable(number),
          maxF: nullable(number),
        }),
      ),
      pit: nullable(object({ meanF: number, sdF: number })),
      readings: integer(0),
    }),
  ),
});

const cookReadingsShape = {
  from: string,
  to: string,
  binSeconds: nullable(number),
  channels: array(
    object({
      channel: string,
      role: oneOf(['meat', 'pit']),
      label: nullable(string),
      units: channelUnit,
      points: array(object({ at: string, value: number, min: number, max: number })),
    }),
  ),
};
export const readCookReadings: Reader<CookReadings> = object({ cookId: string, ...cookReadingsShape });

const readAlignedSeries = object({ channel: string, label: nullable(string), points: array(pair(number, number)) });
export const readCompareCooks: Reader<Infer<typeof compareCooksSchema>> = object({
  binSeconds: number,
  cooks: array(object({ cook: readCookDetail, meat: array(readAlignedSeries), pit: nullable(readAlignedSeries) })),
});

export const readSharedCook: Reader<SharedCook> = object({
  cook: object({
    serial: string,
    name: string,
    status: cookStatus,
    startedAt: string,
    endedAt: nullable(string),
    pitChannel: nullable(string),
    probes: array(object({ channel: string, label: nullable(string), targetF: number, units: temperatureUnit })),
    predictions: array(readPrediction),
    alerts: array(readAlert),
    events: array(readCookEvent),
  }),
  readings: object(cookReadingsShape),
  expiresAt: string,
});

export const readDownloadLink: Reader<Infer<typeof downloadLinkSchema>> = object({ url: string, expiresAt: string, contentType: string, bytes: integer(0) });
export const readShareCreated: Reader<Infer<typeof shareCreatedSchema>> = object({ shareId: string, url: string, expiresAt: string });
export const readShareList: Reader<Infer<typeof shareListSchema>> = object({ shares: array(object({ shareId: string, createdAt: string, expiresAt: string })) });
export const readShareRevoked: Reader<Infer<typeof shareRevokedSchema>> = object({ revoked: oneOf([true]) });
export const readEventDeleted: Reader<Infer<typeof eventDeletedSchema>> = object({ deleted: oneOf([true]) });

export const readUserSettings: Reader<UserSettingsView> = object({
  units: oneOf(['F', 'C']),
  clock: oneOf(['12h', '24h']),
  timeZone: nullable((value, at) => {
    const zone = string(value, at);
    if (zone.length < 1 || zone.length > 64 || !isTimeZone(zone)) throw new WireShapeError(at ?? '', 'an IANA time zone');
    return zone;
  }),
  theme: oneOf(['system', 'dark', 'light']),
});

const readSession: Reader<SessionView> = object({
  sessionId: string,
  createdAt: string,
  lastUsedAt: string,
  expiresAt: string,
  absoluteExpiresAt: string,
  userAgent: nullable(string),
  ipPrefix: nullable(string),
  current: boolean,
});
export const readSessionList: Reader<Infer<typeof sessionListSchema>> = object({ sessions: array(readSession) });
export const readRevoked: Reader<Infer<typeof revokedSchema>> = object({ revoked: integer(0) });
export const readSignedOut: Reader<Infer<typeof signedOutSchema>> = object({ signedOut: oneOf([true]) });
