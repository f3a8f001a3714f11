import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MissingCorpusError, realCookLogsDir, realCorpus } from './real-corpus';

describe('realCorpus', () => {
  it('reads every meat probe of the repository’s own real cook logs', () => {
    const cooks = realCorpus(realCookLogsDir);
    const files = new Set(cooks.map((c) => c.name.split(':')[0]));
    expect(files).toEqual(
      new Set(['dbj-cook-2024-05-27', 'dbj-porkshoulder-2024-03-30', 'tempfit-overnight-4probe-2021-11-13', 'tempfit-pork-shoulder-2022-03-28']),
    );
    expect(cooks.every((c) => c.probe !== 'pit' && c.reachMs > c.startMs)).toBe(true);
    // The pit probe is kept as context wherever a log has one.
    expect(cooks.filter((c) => c.pitProbe === 'pit').length).toBeGreaterThan(0);
  });

  it('fails loudly, never silently empty, when the folder is missing or holds no logs', () => {
    expect(() => realCorpus(path.join(tmpdir(), 'pitwatch-no-such-corpus'))).toThrow(MissingCorpusError);
    const empty = mkdtempSync(path.join(tmpdir(), 'pitwatch-empty-corpus-'));
    expect(() => realCorpus(empty)).toThrow(/no \.csv cook logs/);
    writeFileSync(path.join(empty, 'cold.csv'), 'timestamp,probe,temperature,unit\n2024-01-01T00:00:00Z,meat1,40,F\n2024-01-01T00:01:00Z,meat1,41,F\n');
    expect(() => realCorpus(empty)).toThrow(/usable target/);
  });
});
