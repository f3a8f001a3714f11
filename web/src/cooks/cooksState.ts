/**
 * The cooks in progress as the cache holds them: loaded over HTTP (GET /cooks), with live `prediction` and `alert`
 * messages folded in. Pure, so WebSocket messages and HTTP reloads interleave without losing either: per probe, the
 * prediction with the newer `at` wins.
 */
import type { AlertMessage, CookAlert, CookView, PredictionMessage, ProbePrediction, ServeCheckMessage } from '../../../shared/api/schemas';
import { isOlder } from '../live/mergeReading';

/**
 * Folds one live prediction into the cooks. Returns the very same array when nothing changes (unknown serial,
 * a channel that is not one of the cook's meat probes, a prediction no newer than the one shown) so React can skip
 * the render.
 */
export function mergePrediction(cooks: readonly CookView[], message: PredictionMessage): CookView[] {
  const cookIndex = cooks.findIndex((cook) => cook.serial === message.serial);
  const cook = cooks[cookIndex];
  if (cook === undefined || !cook.probes.some((probe) => probe.channel === message.channel)) return cooks as CookView[];
  // A prediction computed before this cook (re)started belongs to the previous one.
  if (isOlder(message.at, cook.startedAt)) return cooks as CookView[];

  const prediction = toPrediction(message);
  const index = cook.predictions.findIndex((p) => p.channel === message.channel);
  const shown = cook.predictions[index];
  if (shown !== undefined && !isNewer(prediction.at, shown.at)) return cooks as CookView[];

  const predictions = shown === undefined ? [...cook.predictions, prediction] : replaceAt(cook.predictions, index, prediction);
  return replaceAt(cooks, cookIndex, { ...cook, predictions });
}

/**
 * Folds a poll's serve-time check into its cook: the very same array when it is for another cook (a restarted one)
 * or no newer than the one shown.
 */
export function mergeServeCheck(cooks: readonly CookView[], message: ServeCheckMessage): CookView[] {
  const cookIndex = cooks.findIndex((cook) => cook.serial === message.serial && cook.cookId === message.cookId);
  const cook = cooks[cookIndex];
  if (cook === undefined || (cook.serveCheck !== undefined && !isNewer(message.check.at, cook.serveCheck.at))) return cooks as CookView[];
  return replaceAt(cooks, cookIndex, { ...cook, serveAt: message.serveAt, serveCheck: message.check });
}

/** How many alerts a card keeps (the API keeps 20). */
export const ALERTS_SHOWN = 5;

/** Appends a live alert to its cook, once (the same alert may also arrive with a reload). */
export function mergeAlert(cooks: readonly CookView[], message: AlertMessage): CookView[] {
  const cookIndex = cooks.findIndex((cook) => cook.serial === message.serial);
  const cook = cooks[cookIndex];
  if (cook === undefined || isOlder(message.at, cook.startedAt)) return cooks as CookView[];
  const { kind, channel, message: text, at } = message;
  const alert: CookAlert = { kind, channel, message: text, at };
  if (cook.alerts.some((a) => a.kind === alert.kind && a.channel === alert.channel && a.at === alert.at)) return cooks as CookView[];
  const alerts = [...cook.alerts, alert].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).slice(-ALERTS_SHOWN);
  return replaceAt(cooks, cookIndex, { ...cook, alerts });
}

/** The cook running on `serial`, if any. */
export function findCook(cooks: readonly CookView[] | null, serial: string): CookView | undefined {
  return cooks?.find((cook) => cook.serial === serial);
}

/** What a probe channel is doing in a cook: its target and latest prediction, or null when it is not a meat probe. */
export interface ProbeCook {
  targetF: number;
  presetId: string | null;
  prediction: ProbePrediction | null;
}

export function probeCook(cook: CookView | undefined, channel: string): ProbeCook | null {
  const probe = cook?.probes.find((p) => p.channel === channel);
  if (cook === undefined || probe === undefined) return null;
  return {
    targetF: probe.targetF,
    presetId: probe.presetId,
    prediction: cook.predictions.find((p) => p.channel === channel) ?? null,
  };
}

/**
 * A reload answers with what the API knew when it started; a live prediction that arrived in between is newer
 * and must win, or the ETA would briefly jump back. Only within the same cook: a restarted cook (new
 * `startedAt`) takes the reload as it is.
 */
export function keepNewerPredictions(current: CookView[] | null, loaded: CookView[]): CookView[] {
  if (current === null) return loaded;
  return loaded.map((cook) => {
    const shown = current.find((c) => c.serial === cook.serial && c.startedAt === cook.startedAt);
    if (shown === undefined) return cook;
    let merged = cook;
    for (const prediction of shown.predictions) {
      merged = mergePrediction([merged], { ...prediction, type: 'prediction', serial: cook.serial })[0] ?? merged;
    }
    // A newer live serve check wins too, unless the reload says the serve time changed (or went).
    if (shown.serveCheck !== undefined && shown.serveAt !== undefined && shown.serveAt === merged.serveAt) {
      merged = mergeServeCheck([merged], { type: 'serve-check', serial: cook.serial, cookId: cook.cookId, serveAt: shown.serveAt, check: shown.serveCheck })[0] ?? merged;
    }
    return merged;
  });
}

function toPrediction(message: PredictionMessage): ProbePrediction {
  const { channel, phase, etaAt, etaLowAt, etaHighAt, reason, stallStartedAt, at, basedOn } = message;
  return { channel, phase, etaAt, etaLowAt, etaHighAt, reason, stallStartedAt, at, ...(basedOn !== undefined ? { basedOn } : {}) };
}

function isNewer(candidate: string, current: string): boolean {
  return Date.parse(candidate) > Date.parse(current);
}

function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  const copy = items.slice();
  copy[index] = item;
  return copy;
}
