/**
 * What a first visit loads must not carry zod (27 KB gzipped, the bundle budget of the sign-in and live-view routes):
 * the browser reads bodies and socket messages with api/wireReader.ts, and imports schema *types* only. The startup
 * graph is the entry with its static imports, plus the first-paint screens (sign-in, devices, live view and its
 * chart) with theirs, as esbuild bundles them with code splitting: a value import of zod or of a shared/api/*schemas
 * module anywhere in it fails this test, naming the chain of imports that brought it in.
 */
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const webSrc = fileURLToPath(new URL('..', import.meta.url));
const FIRST_PAINT = ['auth/SignInPage.tsx', 'devices/DevicesPage.tsx', 'live-view/LiveViewPage.tsx', 'live-view/CookChart.tsx'];
const FORBIDDEN = [/node_modules\/zod\//, /shared\/api\/[a-z-]*schemas\.ts$/];

async function bundleGraph(): Promise<Metafile> {
  const result = await build({
    entryPoints: [`${webSrc}main.tsx`],
    absWorkingDir: fileURLToPath(new URL('../../..', import.meta.url)),
    bundle: true,
    splitting: true,
    format: 'esm',
    write: false,
    outdir: '/startup-graph',
    metafile: true,
    jsx: 'automatic',
    logLevel: 'silent',
    external: ['virtual:*'],
    loader: { '.css': 'empty', '.svg': 'empty', '.png': 'empty' },
    define: { 'import.meta.env.PROD': 'true', 'import.meta.env.DEV': 'false' },
  });
  return result.metafile;
}

/** Every input module the startup chunks hold. */
function startupInputs(metafile: Metafile): Set<string> {
  const outputs = Object.entries(metafile.outputs);
  const byEntry = (suffix: string) => outputs.find(([, output]) => output.entryPoint?.endsWith(suffix))?.[0];
  const roots = ['main.tsx', ...FIRST_PAINT].map((suffix) => {
    const found = byEntry(suffix);
    if (found === undefined) throw new Error(`no chunk for ${suffix}: is it still loaded (lazily) by the app?`);
    return found;
  });
  const chunks = new Set<string>();
  const visit = (path: string) => {
    if (chunks.has(path)) return;
    chunks.add(path);
    for (const imported of metafile.outputs[path]?.imports ?? []) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  roots.forEach(visit);
  return new Set([...chunks].flatMap((chunk) => Object.keys(metafile.outputs[chunk]?.inputs ?? {})));
}

const forbidden = (input: string) => FORBIDDEN.some((pattern) => pattern.test(input));

describe('the startup import graph', () => {
  it('holds neither zod nor a shared schema module', async () => {
    const metafile = await bundleGraph();
    const held = startupInputs(metafile);
    expect(held.size).toBeGreaterThan(50); // really the app, not an empty build
    expect([...held].some((input) => input.includes('node_modules/react-dom/'))).toBe(true);
    // Named by the import that brings it in: "web/src/x.ts → shared/api/schemas.ts".
    const entrances = [...held]
      .filter((input) => !forbidden(input))
      .flatMap((input) => (metafile.inputs[input]?.imports ?? []).filter((imported) => forbidden(imported.path)).map((imported) => `${input} → ${imported.path}`));
    expect(entrances).toEqual([]);
    expect([...held].filter(forbidden)).toEqual([]);
  });
});
