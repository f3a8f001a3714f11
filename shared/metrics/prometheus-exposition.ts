/**
 * The Prometheus text exposition format (version 0.0.4) for gauges: `# HELP`, `# TYPE`, then one sample per line
 * with escaped label values. Small enough to write here rather than bundle a client library into a Lambda; the
 * test parses the output with an independent parser.
 */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export interface Sample {
  labels: Record<string, string>;
  value: number;
}

export interface GaugeFamily {
  name: string;
  help: string;
  samples: Sample[];
}

const metricName = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const labelName = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

const escapeLabelValue = (value: string) => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const escapeHelp = (text: string) => text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

export function exposition(families: readonly GaugeFamily[]): string {
  const lines: string[] = [];
  for (const family of families) {
    if (!metricName.test(family.name)) throw new Error(`Not a Prometheus metric name: ${family.name}`);
    lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} gauge`);
    for (const sample of family.samples) {
      const labels = Object.entries(sample.labels).map(([k, v]) => {
        if (!labelName.test(k) || k.startsWith('__')) throw new Error(`Not a Prometheus label name: ${k}`);
        return `${k}="${escapeLabelValue(v)}"`;
      });
      lines.push(`${family.name}${labels.length > 0 ? `{${labels.join(',')}}` : ''} ${formatValue(sample.value)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
