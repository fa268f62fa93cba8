import createNextIntlPlugin from 'next-intl/plugin';
import { PHASE_PRODUCTION_SERVER } from 'next/constants.js';

/**
 * The configuration is validated here too, so `next build` (and `next dev`) fail at once,
 * naming the variable, instead of the first request failing after a deploy. The same module
 * the app reads at run time (lib/env/schema.ts), loaded through tsx. Not under `next start`:
 * instrumentation.ts validates it there, and tsx's loader, once registered, sits in front of
 * every later import of the server process (measured: a restart's first answer waited on it).
 */
async function validateEnv() {
  const { tsImport } = await import('tsx/esm/api');
  const { resolveEnv } = await tsImport('./lib/env/schema.ts', import.meta.url);
  resolveEnv(process.env);
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Another build folder lets a second build (a benchmark, a parallel test run) leave this one be.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // A self-contained server in .next/standalone (server.js and the node_modules it needs), what the
  // Dockerfile ships; `npm run standalone` copies the static files, public/ and the migrations beside
  // it. `next start` still serves the same build (it prints a warning that standalone exists).
  output: 'standalone',
  experimental: {
    // A route's code loads on its first request, not every route's at start: a process restarted
    // under a flood of QuickPay callbacks answers them sooner than when it first evaluates every
    // page on its one thread (burst e2e after a SIGKILL: callbacks that timed out after the
    // restart went from hundreds to none).
    preloadEntriesOnStart: false,
    // The card import page uploads a file of up to 1 MB (lib/staff/imports/parse.ts): room for it and the form around it,
    // so a file just over the limit gets the import's own sentence, not the framework's.
    serverActions: { bodySizeLimit: '2mb' },
    // Turbopack keeps a cache of the build in .next/cache for the next build to reuse. A CI run
    // builds once on a clean clone: writing it cost 72 s there and nothing reads it.
    turbopackFileSystemCacheForBuild: !process.env.CI,
  },
  // `npm test` type-checks the same tree (tsc --noEmit) in its first stage and says so here:
  // the build's own TypeScript pass would repeat it (2.3 min of a CI build). `next build` alone still checks.
  typescript: { ignoreBuildErrors: process.env.CARD_PORTAL_TYPES_CHECKED === '1' },
  // PGlite loads its WebAssembly from its own package folder, argon2 is a native module: keep both out of the bundle.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
      {
        // Not on the customer's routes, which set `no-referrer` themselves (a config header
        // would override theirs): /pay and everything under it, /add-payment-card, /demo/open.
        source: '/((?!pay$|pay/|add-payment-card|demo/open).*)',
        headers: [{ key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' }],
      },
      {
        // The portal's own pages under /pay name no token, but nothing there should leak a Referer either.
        source: '/pay/:path*',
        headers: [{ key: 'Referrer-Policy', value: 'no-referrer' }],
      },
    ];
  },
};

// next-intl: the per-request configuration (language, catalogue), and messages/en.d.json.ts
// written from the English catalogue, so a message's placeholders are typed too, not only its key.
const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  experimental: {
    createMessagesDeclaration: './messages/en.json',
    messages: { path: './messages', format: 'json', locales: 'infer', sourceLocale: 'en', precompile: true },
  },
});

export default async function config(phase) {
  if (phase !== PHASE_PRODUCTION_SERVER) await validateEnv();
  return withNextIntl(nextConfig);
}
