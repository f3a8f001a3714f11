/** Stats as the cook record and compare screens show them: label/value rows, and one such list per probe. */
import type { CookStats } from '../../../shared/api/cook-schemas';
import type { TemperatureUnits } from '../settings/temperature';
import { probeStatRows, type StatRow } from './statsText';

export function StatRows({ rows }: { rows: readonly StatRow[] }) {
  return (
    <dl className="stats">
      {rows.map((row) => (
        <div key={row.label} className="stats__row">
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ProbeStatsList({ probes, name, units }: { probes: CookStats['probes']; name: (channel: string) => string; units: TemperatureUnits }) {
  return (
    <>
      {probes.map((probe) => (
        <div key={probe.channel}>
          <h3>{name(probe.channel)}</h3>
          <StatRows rows={probeStatRows(probe, units)} />
        </div>
      ))}
    </>
  );
}
