/**
 * The browser's readers against the server's zod schemas (tests may load zod; the app may not): for a valid sample
 * of each body, and for every way of breaking one field of it (left out, null, a number, a string, an object, an
 * empty list), the reader accepts exactly when the schema does, and then returns what the schema's parse returns.
 */
import { describe, expect, it } from 'vitest';
import type { ZodMiniType } from 'zod/mini';
import { downloadLinkSchema } from '../../../shared/api/account-schemas';
import { revokedSchema, sessionListSchema, signedOutSchema } from '../../../shared/api/auth-schemas';
import { compareCooksSchema, cookDetailSchema, cookReadingsSchema, eventDeletedSchema, shareCreatedSchema, sharedCookSchema, shareListSchema, shareRevokedSchema } from '../../../shared/api/cook-schemas';
import {
  accountStatusSchema,
  cooksResponseSchema,
  cookViewSchema,
  devicesResponseSchema,
  errorBodySchema,
  historyResponseSchema,
  loginResponseSchema,
  serveCheckSchema,
  webConfigSchema,
} from '../../../shared/api/schemas';
import { userSettingsSchema } from '../../../shared/api/settings-schemas';
import { disagreements, verdicts } from '../testing/wireAgreement';
import type { Reader } from './wireReader';
import * as shapes from './wireShapes';

const AT = '2026-12-02T18:00:00.000Z';

const prediction = { channel: '2', phase: 'stall', etaAt: AT, etaLowAt: null, etaHighAt: AT, reason: null, stallStartedAt: AT, at: AT, basedOn: 'based on your last 2 briskets: stall about 3 h 10 m' };
const alert = { kind: 'stall-started', channel: '2', message: 'Brisket stalled', at: AT };
const probe = { channel: '2', label: 'Brisket', targetF: 203, presetId: 'brisket', meat: 'brisket', units: 'F' };
const cook = {
  cookId: 'c1',
  serial: '12:34:56:78:90:AB',
  status: 'active',
  name: 'Brisket',
  tags: ['bbq'],
  rating: 4,
  startedAt: AT,
  endedAt: null,
  pitChannel: '1',
  probes: [probe],
  predictions: [prediction],
  alerts: [alert],
};
const serveCheck = { status: 'late', minutesLate: 40, doneAt: AT, readyAt: AT, channel: '2', restMinutes: 60, restMaxMinutes: 240, pitF: 275, pitEnough: true, wrap: true, at: AT };
const waiting = { status: 'waiting', minutesLate: null, doneAt: null, readyAt: null, channel: null, restMinutes: 0, restMaxMinutes: 0, pitF: null, pitEnough: false, wrap: false, at: AT };
const event = { eventId: 'e1', kind: 'lid-open', at: AT, text: 'peek', probe: '2', endedAt: AT };
const detail = {
  ...cook,
  notes: 'good bark',
  events: [event],
  stats: { durationSeconds: 3600, probes: [{ channel: '2', targetF: 203, timeToTargetSeconds: null, stallStartedAt: AT, stallSeconds: 600, maxF: 190 }], pit: { meanF: 250, sdF: 5 }, readings: 720 },
};
const readings = {
  from: AT,
  to: AT,
  binSeconds: 60,
  channels: [{ channel: '2', role: 'meat', label: null, units: 'F', points: [{ at: AT, value: 150, min: 149, max: 151 }] }],
};

/** Each sample with the reader and the schema that must agree on it. */
const CASES: Array<[string, Reader<unknown>, ZodMiniType, unknown]> = [
  ['config', shapes.readWebConfig, webConfigSchema, { apiUrl: '/api', wsUrl: 'ws://x/ws', clock: { scale: 30, realOriginMs: 1, simulatedOriginMs: -5 } }],
  ['config without clock', shapes.readWebConfig, webConfigSchema, { apiUrl: '/api', wsUrl: 'ws://x/ws' }],
  ['error body', shapes.readErrorBody, errorBodySchema, { error: { code: 'VALIDATION', message: 'bad', details: { field: 'email' } } }],
  ['login', shapes.readLoginResponse, loginResponseSchema, { sessionToken: 't', expiresAt: AT, user: { userId: 'u', email: 'demo@pitwatch.local' } }],
  [
    'devices',
    shapes.readDevicesResponse,
    devicesResponseSchema,
    {
      devices: [
        {
          serial: 'S',
          label: 'Smoker',
          kind: 'signals',
          battery: 80,
          wifiDbm: null,
          online: true,
          lastSeen: AT,
          channels: [{ number: '1', label: 'Pit', value: 250.5, units: 'F', status: 'ok', probeConnected: true, at: AT }],
        },
      ],
    },
  ],
  ['history', shapes.readHistoryResponse, historyResponseSchema, { serial: 'S', channel: '1', from: AT, to: AT, binSeconds: null, points: [{ at: AT, value: 1, units: 'H' }] }],
  ['account', shapes.readAccountStatus, accountStatusSchema, { userId: 'u', email: 'e', status: 'failing', statusMessage: null, linkedAt: AT, lastPolledAt: AT, lastReadingAt: null }],
  ['cook', shapes.readCookView, cookViewSchema, cook],
  ['cook with a serve time', shapes.readCookView, cookViewSchema, { ...cook, serveAt: AT, serveCheck }],
  ['cook waiting on its serve time', shapes.readCookView, cookViewSchema, { ...cook, serveAt: AT, serveCheck: waiting }],
  ['serve check', shapes.readServeCheck, serveCheckSchema, serveCheck],
  ['cook list', shapes.readCooksResponse, cooksResponseSchema, { cooks: [cook], cursor: 'next' }],
  ['cook detail', shapes.readCookDetail, cookDetailSchema, detail],
  ['cook readings', shapes.readCookReadings, cookReadingsSchema, { cookId: 'c1', ...readings }],
  [
    'compare',
    shapes.readCompareCooks,
    compareCooksSchema,
    { binSeconds: 60, cooks: [{ cook: detail, meat: [{ channel: '2', label: 'B', points: [[0, 150]] }], pit: null }] },
  ],
  [
    'shared cook',
    shapes.readSharedCook,
    sharedCookSchema,
    {
      cook: { serial: 'S', name: 'B', status: 'ended', startedAt: AT, endedAt: AT, pitChannel: null, probes: [{ channel: '2', label: null, targetF: 203, units: 'C' }], predictions: [prediction], alerts: [alert], events: [event] },
      readings,
      expiresAt: AT,
    },
  ],
  ['export link', shapes.readDownloadLink, downloadLinkSchema, { url: 'https://x', expiresAt: AT, contentType: 'text/csv', bytes: 10 }],
  ['share created', shapes.readShareCreated, shareCreatedSchema, { shareId: 's', url: 'https://x', expiresAt: AT }],
  ['share list', shapes.readShareList, shareListSchema, { shares: [{ shareId: 's', createdAt: AT, expiresAt: AT }] }],
  ['share revoked', shapes.readShareRevoked, shareRevokedSchema, { revoked: true }],
  ['event deleted', shapes.readEventDeleted, eventDeletedSchema, { deleted: true }],
  ['settings', shapes.readUserSettings, userSettingsSchema, { units: 'C', clock: '24h', timeZone: 'Europe/Berlin', theme: 'dark' }],
  ['settings, no zone', shapes.readUserSettings, userSettingsSchema, { units: 'F', clock: '12h', timeZone: null, theme: 'system' }],
  [
    'sessions',
    shapes.readSessionList,
    sessionListSchema,
    { sessions: [{ sessionId: 's', createdAt: AT, lastUsedAt: AT, expiresAt: AT, absoluteExpiresAt: AT, userAgent: null, ipPrefix: '10.0.0.0/24', current: true }] },
  ],
  ['revoked', shapes.readRevoked, revokedSchema, { revoked: 2 }],
  ['signed out', shapes.readSignedOut, signedOutSchema, { signedOut: true }],
];

describe('the wire readers', () => {
  it.each(CASES)('read a valid %s as its schema does', (_name, reader, schema, sample) => {
    expect(schema.safeParse(sample).success).toBe(true); // the sample itself is valid
    const both = verdicts(reader, schema, sample);
    expect(both.reader).toEqual(both.schema);
  });

  it.each(CASES)('refuse a broken %s exactly when its schema does', (_name, reader, schema, sample) => {
    expect(disagreements(reader, schema, sample)).toEqual([]);
  });

  it('drop fields the contract does not have, as the schema parse does', () => {
    expect(shapes.readShareCreated({ shareId: 's', url: 'u', expiresAt: AT, secret: 'x' })).toEqual({ shareId: 's', url: 'u', expiresAt: AT });
  });

  it('say where a body is off', () => {
    expect(() => shapes.readCooksResponse({ cooks: [{ ...cook, probes: [{ ...probe, targetF: '203' }] }] })).toThrow('cooks[0].probes[0].targetF: expected a number');
  });
});
