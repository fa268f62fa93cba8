import { readdir, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * A run leaves nothing in .data/: the specs that start an app of their own remove its
 * database when they finish; this catches what a failed or interrupted one left. Never
 * touches `npm run dev`'s database (.data/pglite). The staff sessions' file and the PGlite template go too.
 */
const OURS = /^(e2e|burst-\d+|stripe-isolated-\d+)$/;

export default async function globalTeardown(): Promise<void> {
  const dir = path.join(process.cwd(), '.data');
  const entries = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(entries.filter((e) => OURS.test(e)).map((e) => rm(path.join(dir, e), { recursive: true, force: true })));
  await rmdir(dir).catch(() => undefined); // only when empty
  // The run's staff sessions (e2e/global-setup.ts).
  if (process.env.E2E_STAFF_SESSIONS) await rm(process.env.E2E_STAFF_SESSIONS, { force: true });
  if (process.env.PGLITE_TEMPLATE) await rm(process.env.PGLITE_TEMPLATE, { force: true });
}
