/**
 * What the integrations (Prometheus metrics, Home Assistant over MQTT, the MCP server) say about a cook, from today's
 * cook API (`cookViewSchema`, GET /cooks). The one place that reads a cook for them: when cook records with ids and
 * user alarm rules land, this is what changes, not the three integrations.
 */
import type { CookAlert, ProbePrediction } from '../api/schemas';
import type { LiveCookView } from '../cooks/cook-views';

export interface ProbeStatus {
  channel: string;
  targetF: number;
  meat: string | null;
  presetId: string | null;
  phase: ProbePrediction['phase'];
  stalled: boolean;
  /** ISO, with the 80 % interval; null while there is not enough data. */
  etaAt: string | null;
  etaLowAt: string | null;
  etaHighAt: string | null;
  /** Why there is no ETA, when there is none. */
  reason: string | null;
  stallStartedAt: string | null;
}

export interface CookStatus {
  serial: string;
  startedAt: string;
  pitChannel: string | null;
  probes: ProbeStatus[];
  /** The newest alert the cook raised, if any. */
  latestAlert: CookAlert | null;
  /**
   * Whether the cook needs someone now. Today, from the cook's own alerts: a probe reached its target (on until the
   * cook ends), or the pit is dropping (until it recovers). User alarm rules (issue 13) will replace this rule.
   */
  alarm: boolean;
  alerts: CookAlert[];
}

export function cookStatusOf(cook: LiveCookView): CookStatus {
  const alerts = [...(cook.alerts ?? [])].sort((a, b) => a.at.localeCompare(b.at));
  const latestPit = [...alerts].reverse().find((a) => a.kind === 'pit-dropping' || a.kind === 'pit-recovered');
  const alarm = alerts.some((a) => a.kind === 'target-reached') || latestPit?.kind === 'pit-dropping';
  return {
    serial: cook.serial,
    startedAt: cook.startedAt,
    pitChannel: cook.pitChannel,
    probes: cook.probes.map((probe) => {
      const p = cook.predictions.find((x) => x.channel === probe.channel);
      return {
        channel: probe.channel,
        targetF: probe.targetF,
        meat: probe.meat,
        presetId: probe.presetId,
        phase: p?.phase ?? 'unknown',
        stalled: p?.phase === 'stall',
        etaAt: p?.etaAt ?? null,
        etaLowAt: p?.etaLowAt ?? null,
        etaHighAt: p?.etaHighAt ?? null,
        reason: p?.reason ?? null,
        stallStartedAt: p?.stallStartedAt ?? null,
      };
    }),
    latestAlert: alerts.at(-1) ?? null,
    alarm,
    alerts,
  };
}
