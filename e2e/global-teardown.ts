import { readdir, readFile, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { leaksIn, MAIN_APP_LOG } from './support/app-logs';

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
  await checkAppLogs();
}

/**
 * Issue 25: no log line of the run's apps may hold a sandbox secret, a test card number or a full
 * email address. Every
 * line of every app's log (e2e/support/app-logs.ts) is read; a leak fails the run, naming the file,
 * the line and what leaked (never the value). A run against servers it did not start (E2E_REUSE)
 * has no log of theirs to read, and says so.
 */
async function checkAppLogs(): Promise<void> {
  if (process.env.E2E_REUSE === '1' && !process.env.CI) {
    console.log('app logs not checked for secrets: E2E_REUSE=1, the app was not started by this run');
    return;
  }
  const { files, lines, leaks } = await leaksIn();
  const main = await readFile(MAIN_APP_LOG, 'utf8').catch(() => '');
  if (!main.includes('"msg":"answered"')) throw new Error(`the app's log (${MAIN_APP_LOG}) holds no request: was it written?`);
  if (leaks.length > 0) throw new Error(`secrets, card numbers or email addresses in the apps' logs (${leaks.length}):\n  ${leaks.slice(0, 50).join('\n  ')}`);
  console.log(`app logs: ${lines} lines in ${files} file(s), no secret, test card number or full email address`);
}
