/**
 * `npm test`: format, lint, type check, unit, browser (the emulators' pages in Chromium), integration
 * (PGlite, then a real Postgres when TEST_DATABASE_URL is set), a production build, and the
 * end-to-end tests against it.
 * Stops at the first failing step.
 */
import { spawnSync } from 'node:child_process';

type Step = { name: string; cmd: string[]; env?: Record<string, string> };
const steps: Step[] = [
  { name: 'format', cmd: ['npx', 'prettier', '--check', '.'] },
  { name: 'lint', cmd: ['npx', 'eslint', '.', '--max-warnings=0'] },
  // Unused files, exports and dependencies (knip.jsonc names the entry points its plugins cannot see).
  { name: 'knip', cmd: ['npx', 'knip'] },
  { name: 'type check', cmd: ['npx', 'tsc', '--noEmit'] },
  { name: 'unit', cmd: ['npx', 'vitest', 'run', '--project', 'unit'] },
  // In a real Chromium: after the fast unit tests, before anything needs a database.
  { name: 'browser', cmd: ['npx', 'vitest', 'run', '--project', 'browser'] },
  { name: 'integration (PGlite)', cmd: ['npx', 'vitest', 'run', '--project', 'integration'], env: { TEST_DB: 'pglite' } },
];
if (process.env.TEST_DATABASE_URL) {
  steps.push({ name: 'integration (Postgres)', cmd: ['npx', 'vitest', 'run', '--project', 'integration'], env: { TEST_DB: 'postgres' } });
} else {
  console.log('(TEST_DATABASE_URL is not set: the database tests run on PGlite only)');
}
steps.push({ name: 'build', cmd: ['npx', 'next', 'build'] });
steps.push({ name: 'e2e', cmd: ['npx', 'playwright', 'test'] });

const only = process.argv.slice(2);
for (const step of steps) {
  if (only.length && !only.some((o) => step.name.startsWith(o))) continue;
  const started = Date.now();
  console.log(`\n▶ ${step.name}: ${step.cmd.join(' ')}`);
  const [bin, ...args] = step.cmd as [string, ...string[]];
  const r = spawnSync(bin, args, { stdio: 'inherit', env: { NEXT_TELEMETRY_DISABLED: '1', ...process.env, ...step.env } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\n✗ ${step.name} failed (${secs}s)`);
    process.exit(r.status ?? 1);
  }
  console.log(`✓ ${step.name} (${secs}s)`);
}
