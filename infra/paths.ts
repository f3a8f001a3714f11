import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, resolved from this file so synth works from any working directory. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** An absolute path inside the repository. */
export const fromRoot = (...segments: string[]): string => path.join(repoRoot, ...segments);

/** The Vite build output the Website construct deploys. */
export const webDistDir = fromRoot('web', 'dist');
