/**
 * The initial JS+CSS, gzipped, that a first visit to each route downloads (bench:web's route weights): builds the app
 * with Vite's manifest into a temporary folder and adds up the entry with its static imports plus the route's screen
 * chunk with its own. The live view is given twice: before its chart (readouts on screen) and with the chart chunk
 * (uPlot), which it fetches right after. `npx tsx web/bench/route-weights.ts` prints them alone.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export const BUDGET_KB = 150;

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
}

export const ROUTES = {
  signIn: ['index.html', 'src/auth/SignInPage.tsx'],
  devices: ['index.html', 'src/devices/DevicesPage.tsx'],
  liveView: ['index.html', 'src/live-view/LiveViewPage.tsx'],
  liveViewWithChart: ['index.html', 'src/live-view/LiveViewPage.tsx', 'src/live-view/CookChart.tsx'],
} as const;

export type RouteName = keyof typeof ROUTES;

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

export async function routeWeights(): Promise<Record<RouteName, number>> {
  const outDir = mkdtempSync(join(tmpdir(), 'pitwatch-web-bench-'));
  try {
    await build({
      configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, manifest: true },
    });
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
    const closure = (keys: readonly string[]): Set<string> => {
      const files = new Set<string>();
      const seen = new Set<string>();
      const visit = (key: string) => {
        if (seen.has(key)) return;
        seen.add(key);
        const chunk = manifest[key];
        if (chunk === undefined) throw new Error(`no chunk ${key} in the build manifest`);
        files.add(chunk.file);
        for (const css of chunk.css ?? []) files.add(css);
        for (const imported of chunk.imports ?? []) visit(imported);
      };
      keys.forEach(visit);
      return files;
    };
    const gzipped = (files: Set<string>) => kb([...files].reduce((sum, file) => sum + gzipSync(readFileSync(join(outDir, file))).length, 0));
    const entries = Object.entries(ROUTES) as Array<[RouteName, readonly string[]]>;
    if (process.env.ROUTE_WEIGHTS_VERBOSE === '1') {
      for (const [route, keys] of entries) {
        for (const file of closure(keys)) console.log(route, file, kb(gzipSync(readFileSync(join(outDir, file))).length));
      }
    }
    return Object.fromEntries(entries.map(([route, keys]) => [route, gzipped(closure(keys))])) as Record<RouteName, number>;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  routeWeights().then(
    (weights) => console.log(JSON.stringify(weights)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
