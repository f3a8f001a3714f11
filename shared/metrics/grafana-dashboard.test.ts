/** The committed Grafana dashboard (grafana/pitwatch-dashboard.json) asks only for metrics and labels /metrics has. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountMetrics } from './account-metrics';

const dashboard = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'grafana', 'pitwatch-dashboard.json'), 'utf8')) as {
  panels: Array<{ title: string; targets: Array<{ expr: string }> }>;
};

describe('grafana/pitwatch-dashboard.json', () => {
  const families = accountMetrics(
    [{ serial: 'S', label: 'L', kind: 'signals', battery: 1, wifiDbm: -1, online: true, lastSeen: null, channels: [{ number: '1', label: 'Pit', value: 1, units: 'F', status: 'ok', probeConnected: true, at: null }] }],
    [{ serial: 'S', startedAt: new Date().toISOString(), pitChannel: null, probes: [{ channel: '1', label: null, units: 'F', targetF: 203, presetId: null, meat: 'brisket' }], predictions: [{ channel: '1', phase: 'stall', etaAt: new Date().toISOString(), etaLowAt: null, etaHighAt: null, reason: null, stallStartedAt: null, at: new Date().toISOString() }], alerts: [] }],
    new Date(),
  );
  const labelsOf = new Map(families.map((f) => [f.name, new Set(f.samples.flatMap((s) => Object.keys(s.labels)))]));

  it('every query names an exported metric, filtered and labelled by labels it has', () => {
    const targets = dashboard.panels.flatMap((p) => p.targets.map((t) => ({ panel: p.title, expr: t.expr })));
    expect(targets.length).toBeGreaterThan(5);
    for (const { panel, expr } of targets) {
      const [, metric, selector] = expr.match(/^(pitwatch_[a-z_]+)\{([^}]*)\}$/) ?? [];
      expect(metric, `${panel}: ${expr}`).toBeDefined();
      expect(labelsOf.has(metric!), `${panel}: ${metric}`).toBe(true);
      for (const [, label] of selector!.matchAll(/([a-z_]+)=~?"/g)) expect(labelsOf.get(metric!)!.has(label!), `${panel}: ${metric} has no label ${label}`).toBe(true);
    }
  });
});
