/** Types for the test-only parser (the package ships none): its prom2json-like output. */
declare module 'parse-prometheus-text-format' {
  export interface ParsedFamily {
    name: string;
    help: string;
    type: 'GAUGE' | 'COUNTER' | 'SUMMARY' | 'HISTOGRAM' | 'UNTYPED';
    metrics: Array<{ value: string; labels?: Record<string, string>; timestamp_ms?: string }>;
  }
  export default function parsePrometheusTextFormat(text: string): ParsedFamily[];
}
