import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/** Import rules that hold the layers (README "How a request flows"). */
const restrict = (patterns, paths = []) => ['error', { patterns, paths }];
const noSandbox = { group: ['**/sandbox/**', '@/sandbox/*'], message: 'app/ and lib/ never import the sandbox' };
const noFramework = {
  group: ['next', 'next/*', '@/lib/server/*'],
  message: 'use cases and clients are framework-free: the composition root (lib/server) wires them',
};
/**
 * The layer rule of app/ (docs/architecture.md "The layers"): pages and routes import the wrappers
 * and composition root (lib/server), use cases and lib/domain; never a provider client, the
 * provider HTTP layer, the database, the registration queue or the audit writer, whatever file of
 * theirs (folder patterns, so a new file there is covered too).
 */
const belowTheWrappers = [
  {
    group: ['@/lib/fenerum', '@/lib/fenerum/**', '@/lib/quickpay', '@/lib/quickpay/**', '@/lib/stripe', '@/lib/stripe/**', '@/lib/farpay', '@/lib/farpay/**'],
    message:
      'app/ never imports a provider client: use a use case, ctx from the composition root, lib/domain for types, lib/server/errors providerFailure() for failures',
  },
  { group: ['@/lib/provider-http', '@/lib/provider-http/**'], message: "app/ never imports the provider HTTP layer: it is the clients' own" },
  { group: ['@/lib/db', '@/lib/db/**'], message: 'app/ never imports the database: use cases take ctx.db' },
  { group: ['@/lib/registrations', '@/lib/registrations/**'], message: 'app/ reaches the registration queue through ctx.registrar and the use cases' },
  {
    group: ['@/lib/audit', '@/lib/audit-log', '@/lib/audit-log/**'],
    message: 'app/ never writes or reads the audit log itself: the use case that acts audits it',
  },
  { group: ['@/lib/process-singleton'], message: 'only the composition root (lib/server/context.ts) keeps per-process values' },
  {
    group: ['@/lib/metrics', '@/lib/metrics/**'],
    message: 'app/ counts nothing itself: the wrappers, provider-http and the use cases do (GET /api/metrics is metricsRoute)',
  },
];

/** The bottom layer (clients, the database, shared types): nothing above it, so no arrow points up. */
const CLIENT_FOLDERS = ['fenerum', 'quickpay', 'stripe', 'farpay', 'provider-http', 'db', 'domain', 'errors', 'cache', 'text', 'log', 'metrics'];
const USE_CASE_FOLDERS = ['cards', 'auth', 'approvals', 'staff', 'registrations', 'mail', 'fenerum-webhooks', 'maintenance', 'audit-log'];
const noUseCases = {
  group: [...USE_CASE_FOLDERS.flatMap((d) => [`@/lib/${d}`, `@/lib/${d}/**`]), '@/lib/audit'],
  message: 'clients, the database and lib/domain import no use case: a type both need belongs in lib/domain',
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', '.next-*/**', 'node_modules/**', '.data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    // The import plugin's rules follow our own modules only; the packages' bundles are not parsed.
    settings: { 'import/ignore': ['node_modules'] },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A cycle between modules is a layer that leaks; none is allowed. `npm test`'s "cycles" step
      // (madge) finds them in a tenth of the time import/no-cycle took (49 of lint's 97 s).
      'import/no-cycle': 'off',
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
        [noSandbox, ...belowTheWrappers],
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
    files: CLIENT_FOLDERS.map((d) => `lib/${d}/**`),
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict([noSandbox, noFramework, noUseCases]) },
  },
  {
    files: ['lib/server/**'],
    rules: { 'no-restricted-imports': restrict([noSandbox]) },
  },
  {
    // Every line goes through the logger (lib/log): JSON, the request id, secrets redacted.
    files: ['lib/**', 'app/**', 'instrumentation.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-console': 'error' },
  },
];

export default config;
