// One lint setup for the whole repository: typescript-eslint's recommended rules on every TS/TSX file.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', 'web/dist/', '.data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // The web app's "now" is app/clock.ts (it follows the local stack's simulated clock); a bare Date.now() or
    // new Date() would quietly show real time instead. Real time on purpose says so with an eslint-disable and why.
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    ignores: ['web/src/app/clock.ts', 'web/src/**/*.test.ts', 'web/src/**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Use nowMs() from web/src/app/clock.ts: the page's one now." },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Use new Date(nowMs()) (web/src/app/clock.ts): the page's one now." },
        { selector: "Identifier[name='now'][parent.object.name='Date']:not(CallExpression > .callee)", message: "Use nowMs() from web/src/app/clock.ts: the page's one now." },
      ],
    },
  },
  {
    // What ships parses with zod/mini through shared/validation/zod.ts, which also sets zod's English messages.
    // One classic 'zod' import anywhere in a Lambda's graph puts classic zod's ~90 KB back into its bundle.
    files: ['shared/**/*.ts', 'functions/**/*.ts'],
    ignores: ['shared/validation/zod.ts', 'shared/thermoworks/simulator/**', '**/*.test.ts', 'functions/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: "Import * as z from shared/validation/zod.ts (zod/mini with English messages)." },
            { name: 'zod/mini', message: 'Import * as z from shared/validation/zod.ts: it also sets the English messages.' },
          ],
        },
      ],
    },
  },
);
