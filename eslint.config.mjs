import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/** Import rules that hold the layers (README "How a request flows"). */
const restrict = (patterns, paths = []) => ['error', { patterns, paths }];
const noSandbox = { group: ['**/sandbox/**', '@/sandbox/*'], message: 'app/ and lib/ never import the sandbox' };
const noFramework = {
  group: ['next', 'next/*', '@/lib/server/*'],
  message: 'use cases and clients are framework-free: the composition root (lib/server) wires them',
};
const noWiringFromApp = [
  {
    group: ['@/lib/fenerum/client', '@/lib/quickpay/client', '@/lib/stripe/client'],
    message: 'pages and routes get provider clients from the composition root (appContext())',
  },
  { group: ['@/lib/db/connect'], message: 'pages and routes get the database from the composition root (appContext())' },
  {
    group: ['@/lib/registrations/worker', '@/lib/registrations/register-now', '@/lib/registrations/attempt'],
    message: 'pages and routes reach the queue through ctx.registrar',
  },
  { group: ['@/lib/process-singleton'], message: 'only the composition root (lib/server/context.ts) keeps per-process values' },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', '.next-*/**', 'node_modules/**', '.data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    // import/no-cycle follows our own modules only; the packages' bundles are not parsed.
    settings: { 'import/ignore': ['node_modules'] },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A cycle between modules is a layer that leaks; none is allowed.
      'import/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Type-aware: a promise nobody awaits is an error nobody sees (it bit the registration queue).
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['app/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [noSandbox, ...noWiringFromApp],
        [{ name: 'stripe', message: 'the Stripe SDK is reached through the composition root' }],
      ),
    },
  },
  {
    files: ['lib/**'],
    ignores: ['**/*.test.ts', 'lib/server/**', 'lib/auth/customer-session.ts', 'lib/i18n/request.ts', 'lib/registrations/**', 'lib/cards/**'],
    rules: { 'no-restricted-imports': restrict([noSandbox, noFramework]) },
  },
  {
    files: ['lib/registrations/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict([
        noSandbox,
        noFramework,
        { group: ['@/lib/cards/*', '@/lib/cards/**'], message: 'lib/registrations never imports lib/cards (cards build on registrations, not the other way)' },
      ]),
    },
  },
  {
    files: ['lib/cards/**'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict([noSandbox, noFramework]) },
  },
  {
    files: ['lib/server/**'],
    rules: { 'no-restricted-imports': restrict([noSandbox]) },
  },
];

export default config;
