import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A scenario file: JSON, or a TS/JS module exporting it (default, `scenario` or `demoScenario`). Validated later. */
export async function loadScenarioFile(file: string): Promise<unknown> {
  const path = resolve(file);
  if (path.endsWith('.json')) return JSON.parse(await readFile(path, 'utf8')) as unknown;
  const module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  return module.default ?? module.scenario ?? module.demoScenario;
}
