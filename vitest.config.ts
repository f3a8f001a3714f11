import { defineConfig } from 'vitest/config';

// Named projects so each layer can be run on its own: `npx vitest run --project unit`.
export default defineConfig({
  test: {
    // Most suites wait on something else (DynamoDB Local, the simulator, Chromium, a child process): two files at a
    // time keep both cores busy. Vitest's run-mode default is one worker per core less one, i.e. one on 2 cores.
    maxWorkers: 2,
    // Local tooling may run on Node 20 while Lambda runs 22+: the AWS SDK's notice about it is noise in test output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'functions/**/*.test.ts', 'infra/local/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          environment: 'node',
          // Not a threshold: the model's replays take a few seconds alone and far more beside other suites.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['**/*.int.test.ts'],
          exclude: ['**/node_modules/**'],
          environment: 'node',
          globalSetup: ['infra/local/testing/dynamodb-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'infra',
          include: ['infra/**/*.test.ts'],
          exclude: ['infra/local/**', '**/*.int.test.ts', '**/node_modules/**'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'web',
          include: ['web/src/**/*.test.ts', 'web/src/**/*.test.tsx'],
          environment: 'node',
          setupFiles: ['web/src/testing/async-wait-setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['web/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
