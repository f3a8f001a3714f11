// Builds the single-page app from web/ into web/dist, with its service worker and web app manifest (vite-plugin-pwa).
// No React plugin: Vite's own esbuild transform handles JSX (automatic runtime).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/** Night-friendly: the dark surface the app shows at the smoker. */
const THEME_COLOR = '#1f1c19';

export default defineConfig({
  root: webRoot,
  // Assets are referenced from the site root; config.json is served there too (locally and by CloudFront).
  base: '/',
  // Only the icons: the local stack and the CDK Website construct write config.json next to index.html.
  publicDir: 'public',
  esbuild: { jsx: 'automatic' },
  plugins: [
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      // The worker ends up at /sw.js (the scope is the whole site); registered by src/app/serviceWorker.ts.
      injectManifest: { globPatterns: ['**/*.{js,css,html,png,svg}'] },
      injectRegister: false,
      registerType: 'prompt',
      includeAssets: ['icons/favicon.svg', 'icons/apple-touch-icon-180.png'],
      manifest: {
        name: 'Pitwatch',
        short_name: 'Pitwatch',
        description: 'Watch your ThermoWorks thermometers live: temperatures, done-time and alerts.',
        id: '/',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: THEME_COLOR,
        theme_color: THEME_COLOR,
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Screens are separate chunks (app/routes.ts); the chart (uPlot) is its own chunk too, fetched by the live view.
    modulePreload: false,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod ships a `@__PURE__` comment Rollup cannot place; it only costs a tree-shaking hint, so keep
        // the build log for warnings about our own code.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
        // React Router and TanStack Query mark modules "use client" for server-component bundlers; meaningless here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.id?.includes('/node_modules/')) return;
        warn(warning);
      },
    },
  },
});
