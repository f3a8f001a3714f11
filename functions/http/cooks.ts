import { planFromRequest } from '../../shared/cook/planner/plan-from-request';
import { compareCooks } from '../../shared/cooks/compare-cooks';
import { exportCook } from '../../shared/cooks/cook-exports';
import { cookChartReadings } from '../../shared/cooks/cook-series';
import { cookDetail, cookView } from '../../shared/cooks/cook-views';
import { addCookEvent, announceCook, deleteCook, endCook, getCook, listCooks, patchCook, removeCookEvent, requireCook } from '../../shared/cooks/manage-cook';
import { startCook } from '../../shared/cooks/start-cook';
import { ConfigError } from '../../shared/config';
import { createShare, listShares, revokeAllShares, revokeShare } from '../../shared/sharing/share-links';
import { createDependencies, lazy } from '../runtime/dependencies';
import { createExportStore } from '../runtime/exports';
import { createReadingStore } from '../runtime/history';
import { httpFunction } from '../runtime/http-function';
import { createLogger } from '../runtime/logger';
import { createLiveSockets } from '../runtime/pusher';
import { createShareExpiries } from '../runtime/share-expiry-queue';

const logger = createLogger('cooks');
const deps = createDependencies();
const readings = lazy(() => createReadingStore(deps));
const exports = lazy(() => createExportStore(deps));
const live = lazy(() => createLiveSockets(deps));
const expiries = lazy(() => createShareExpiries(deps));
const cookDeps = () => ({ cooks: deps.cooks(), readings: readings(), clock: deps.clock, ids: deps.ids, live: live(), personalPriors: deps.personalPriors(), log: logger });
const shareDeps = () => {
  if (!deps.config.publicWebUrl) throw new ConfigError('PUBLIC_WEB_URL is not set');
  return { shares: deps.shares(), cooks: deps.cooks(), clock: deps.clock, ids: deps.ids, webUrl: deps.config.publicWebUrl, live: live(), expiries: expiries() };
};

/** Cook records: start, list, read, edit, events, end, delete, readings, export, compare, share links; the planner. */
export const handler = httpFunction(
  'cooks',
  {
    startCook: async ({ principal, body }) => {
      const { record, active } = await startCook(principal.accountId, body, { devices: deps.devices(), cooks: deps.cooks(), clock: deps.clock, ids: deps.ids, readings: readings() });
      await announceCook(principal.accountId, 'started', cookView(record, active), cookDeps());
      return cookDetail(record, active);
    },
    listCooks: async ({ principal, query }) => listCooks(principal.accountId, query, cookDeps()),
    // With what the account's ended cooks taught (planFromRequest shrinks to the usual priors when there are none).
    planCook: async ({ principal, body }) => planFromRequest(body, { priors: (await deps.personalPriors().get(principal.accountId))?.priors, nowMs: deps.clock.now().getTime() }),
    compareCooks: async ({ principal, query }) => compareCooks(principal.accountId, query.ids, { cooks: deps.cooks(), readings: readings(), now: deps.clock.now() }),
    getCook: async ({ principal, params }) => getCook(principal.accountId, params.cookId, cookDeps()),
    patchCook: async ({ principal, params, body }) => patchCook(principal.accountId, params.cookId, body, cookDeps()),
    deleteCook: async ({ principal, params }) => {
      await deleteCook(principal.accountId, params.cookId, cookDeps());
      await revokeAllShares(principal.accountId, params.cookId, shareDeps());
      return { deleted: true };
    },
    endCook: async ({ principal, params }) => endCook(principal.accountId, params.cookId, cookDeps()),
    addCookEvent: async ({ principal, params, body }) => addCookEvent(principal.accountId, params.cookId, body, cookDeps()),
    removeCookEvent: async ({ principal, params }) => {
      await removeCookEvent(principal.accountId, params.cookId, params.eventId, cookDeps());
      return { deleted: true };
    },
    cookReadings: async ({ principal, params, query }) => {
      const { record, active } = await requireCook(principal.accountId, params.cookId, deps.cooks());
      const chart = await cookChartReadings({ ...record, probes: active?.probes ?? record.probes }, query.maxPoints, { readings: readings(), now: deps.clock.now() });
      return { cookId: record.cookId, ...chart };
    },
    exportCook: async ({ principal, params, query }) =>
      exportCook(principal.accountId, params.cookId, query.format, { cooks: deps.cooks(), readings: readings(), exports: exports(), clock: deps.clock, ids: deps.ids }),
    createShare: async ({ principal, params, body }) => createShare(principal, params.cookId, body.expiresInHours, shareDeps()),
    listShares: async ({ principal, params }) => listShares(principal.accountId, params.cookId, shareDeps()),
    revokeShare: async ({ principal, params }) => {
      await revokeShare(principal.accountId, params.cookId, params.shareId, shareDeps());
      return { revoked: true };
    },
  },
  deps,
  logger,
);
