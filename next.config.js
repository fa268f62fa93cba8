import { tsImport } from 'tsx/esm/api';

// The configuration is validated here too, so `next build` (and `next dev`) fail at once,
// naming the variable, instead of the first request failing after a deploy. The same module
// the app reads at run time (lib/env/schema.ts), loaded through tsx.
const { resolveEnv } = await tsImport('./lib/env/schema.ts', import.meta.url);
resolveEnv(process.env);

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Another build folder lets a second build (a benchmark, a parallel test run) leave this one be.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // PGlite loads its WebAssembly from its own package folder: keep it out of the bundle.
  serverExternalPackages: ['@electric-sql/pglite'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

export default nextConfig;
