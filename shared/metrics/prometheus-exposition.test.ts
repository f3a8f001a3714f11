import { describe, expect, it } from 'vitest';
import { exposition } from './prometheus-exposition';

describe('exposition', () => {
  it('writes HELP, TYPE and samples with escaped label values', () => {
    const text = exposition([
      { name: 'pitwatch_x', help: 'A help\nwith a newline and a \\', samples: [{ labels: { label: 'Brisket "flat"\\point\nnew' }, value: 201.5 }, { labels: {}, value: NaN }] },
    ]);
    expect(text).toBe(
      '# HELP pitwatch_x A help\\nwith a newline and a \\\\\n# TYPE pitwatch_x gauge\npitwatch_x{label="Brisket \\"flat\\"\\\\point\\nnew"} 201.5\npitwatch_x NaN\n',
    );
  });

  it('refuses names Prometheus would refuse', () => {
    expect(() => exposition([{ name: 'pit-watch', help: '', samples: [] }])).toThrow();
    expect(() => exposition([{ name: 'ok', help: '', samples: [{ labels: { __reserved: 'x' }, value: 1 }] }])).toThrow();
  });
});
