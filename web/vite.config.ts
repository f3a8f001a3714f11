// Builds the single-page app from web/ into web/dist. No React plugin: Vite's own esbuild transform
// handles JSX (automatic runtime), which keeps the toolchain to what the repository already installs.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  // Assets are referenced from the site root; config.json is served there too (locally and by CloudFront).
  base: '/',
  // The local stack and the CDK Website construct write config.json next to index.html; nothing to copy.
  publicDir: false,
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // One small bundle for the dashboard, so no chunk-loading waterfall on a phone at the smoker. The only
    // dynamic import is the history chart (uPlot, ~28 KB gzipped), fetched when a History panel is first opened.
    modulePreload: false,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod ships a `@__PURE__` comment Rollup cannot place; it only costs a tree-shaking hint, so keep
        // the build log for warnings about our own code.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
        warn(warning);
      },
    },
  },
});
