/**
 * A user's clone has nothing beside it. These tests hold the repository to that: no code reaches outside the
 * checkout for files, and the suites that read files pass in a copy of the tree that has no `../shared` (the
 * reference folder this repository happens to sit beside on developer machines and in CI).
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromRoot } from './paths';

const repoRoot = fromRoot();

/** Tracked files and new ones not yet committed (what the next commit holds), minus those deleted on disk. */
function repositoryFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' });
  return out.split('\0').filter((f) => f !== '' && existsSync(path.join(repoRoot, f)));
}

const codeFile = /\.(ts|tsx|js|mjs|cjs)$/;
/** What reads files at run time: Node's fs readers, or a path made from the module's own location. */
const readsFromDisk = /readFileSync|readdirSync|readFile\(|readdir\(|createReadStream|import\.meta\.(dirname|url)/;

/** The source and test files of the unit and web suites that read files (the suites that could miss `../shared`). */
function filesThatReadFiles(): string[] {
  return repositoryFiles()
    .filter((f) => /^(shared|functions|web\/src|infra\/local)\//.test(f) && /\.tsx?$/.test(f))
    .filter((f) => readsFromDisk.test(readFileSync(path.join(repoRoot, f), 'utf8')))
    .sort();
}
// Built from parts so this file does not match its own search.
const dotDotShared = new RegExp(`['"]\\.\\.['"]\\s*,\\s*['"]${'sha'}red['"]`);
const relativeLiteral = /(['"`])(\.\.\/[^'"`\s$]*)\1/g;

describe('a fresh clone stands on its own', () => {
  it('no code builds a path to the reference folder beside the repository (dot-dot, then shared)', () => {
    const offenders = repositoryFiles()
      .filter((f) => codeFile.test(f))
      .flatMap((f) =>
        readFileSync(path.join(repoRoot, f), 'utf8')
          .split('\n')
          .map((line, i) => ({ where: `${f}:${i + 1}`, line }))
          .filter(({ line }) => dotDotShared.test(line)),
      );
    expect(offenders.map((o) => `${o.where}: ${o.line.trim()}`)).toEqual([]);
  });

  it('no relative path in the code points outside the repository', () => {
    const escaping: string[] = [];
    for (const f of repositoryFiles().filter((file) => codeFile.test(file))) {
      const text = readFileSync(path.join(repoRoot, f), 'utf8');
      for (const match of text.matchAll(relativeLiteral)) {
        const target = path.resolve(repoRoot, path.dirname(f), match[2] as string);
        if (path.relative(repoRoot, target).startsWith('..')) escaping.push(`${f}: ${match[2]}`);
      }
    }
    expect(escaping).toEqual([]);
  });

  describe('in a copy with nothing beside it', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'pitwatch-fresh-clone-'));
    const clone = path.join(parent, 'pitwatch');
    afterAll(() => rmSync(parent, { recursive: true, force: true }));

    it('every unit and web suite that can read a file (fixtures, cook logs, scenarios, keys) passes', async () => {
      mkdirSync(clone);
      for (const f of repositoryFiles()) cpSync(path.join(repoRoot, f), path.join(clone, f));
      // Installed packages are not part of the tree; `npm ci` would give the same ones.
      symlinkSync(path.join(repoRoot, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
      expect(existsSync(path.join(parent, 'shared'))).toBe(false);

      const readsFiles = filesThatReadFiles();
      // The modules the loaders live in: if the search stopped finding them, the run below would prove nothing.
      expect(readsFiles).toEqual(expect.arrayContaining(['shared/cook/bench/real-corpus.ts', 'shared/thermoworks/testing/fixtures.ts', 'shared/thermoworks/simulator/load-scenario.ts']));
      const inherited = Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'TEST' && k !== 'NODE_ENV');
      const env = { ...Object.fromEntries(inherited), NO_COLOR: '1', FORCE_COLOR: '0' };
      // Asynchronously: a worker blocked for minutes misses vitest's own RPC deadline (60 s) and fails the run.
      const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        // `vitest related` runs every suite whose imports reach one of these modules: the whole unit and web suites took
        // minutes beside the rest of `npm test`, and a suite that reads no file cannot miss the folder beside it.
        const args = ['related', '--run', '--project', 'unit', '--project', 'web', '--reporter', 'dot', ...readsFiles];
        const child = spawn(process.execPath, [path.join(clone, 'node_modules', 'vitest', 'vitest.mjs'), ...args], { cwd: clone, env });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        const timer = setTimeout(() => child.kill('SIGKILL'), 170_000);
        child.on('close', (status) => {
          clearTimeout(timer);
          resolve({ status, stdout, stderr });
        });
      });
      const output = `${run.stdout}\n${run.stderr}`;
      expect(output).toMatch(/Test Files\s+\d+ passed/);
      // The suites that load the cook logs, the ThermoWorks fixtures and the scenarios are among those that ran.
      expect(Number(/Test Files\s+(\d+) passed/.exec(output)?.[1])).toBeGreaterThanOrEqual(10);
      expect({ status: run.status, failed: output.match(/.*\bfailed\b.*/g) ?? [] }).toEqual({ status: 0, failed: [] });
    });
  });
});
