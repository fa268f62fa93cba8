import { mkdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sandboxSecrets } from '../../lib/env/sandbox-defaults';
import { TEST_CARDS as QUICKPAY_TEST_CARDS } from '../../sandbox/quickpay/test-cards';
import { TEST_CARDS as STRIPE_TEST_CARDS } from '../../sandbox/stripe/test-cards';
import { E2E } from './ports';

/**
 * Every app an end-to-end run starts writes its log (stdout and stderr) into this folder, one
 * file per app, so the run's teardown can read every line (e2e/global-teardown.ts). Named by the
 * run's app port: two runs on one machine keep apart.
 */
const APP_LOG_DIR = path.join(tmpdir(), `card-portal-e2e-logs-${E2E.appPort}`);
export const MAIN_APP_LOG = path.join(APP_LOG_DIR, 'app.log');

/**
 * The run's app command (playwright.config.ts webServer), its log kept: the folder emptied of the
 * last run's files (this app starts before any other), stdout into the file, stderr into the file
 * and on to Playwright (which shows a web server's stderr).
 */
export function loggedCommand(command: string): string {
  return `mkdir -p ${APP_LOG_DIR} && rm -f ${APP_LOG_DIR}/*.log && ${command} 2>&1 >>${MAIN_APP_LOG} | tee -a ${MAIN_APP_LOG} >&2`;
}

/** Where an app a spec starts itself (e2e/support/app-process.ts) writes its log. */
export function appLogFile(port: number): string {
  mkdirSync(APP_LOG_DIR, { recursive: true });
  return path.join(APP_LOG_DIR, `app-${port}.log`);
}

/** What no log line may hold: the sandbox's secrets and the emulators' test card numbers (and a full email address, below). */
function forbiddenInLogs(): Array<{ name: string; value: string }> {
  return [
    ...Object.entries(sandboxSecrets).map(([name, value]) => ({ name, value })),
    ...Object.keys(STRIPE_TEST_CARDS).map((n) => ({ name: `Stripe test card ${n.slice(-4)}`, value: n })),
    ...QUICKPAY_TEST_CARDS.map((c) => ({ name: `QuickPay test card ${c.number.slice(-4)}`, value: c.number })),
  ];
}

/** A full email address: the logger masks the local part (`k***@nordlys.dk`), so any other is a leak. */
const FULL_EMAIL = /(?<![A-Za-z0-9._%+-])(?![A-Za-z0-9]\*\*\*@)[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/;

/** Every line of every app log in the folder holding a forbidden value or a full email address: "file:line: name" (never the value itself). */
export async function leaksIn(dir = APP_LOG_DIR): Promise<{ files: number; lines: number; leaks: string[] }> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.log'));
  const forbidden = forbiddenInLogs();
  const leaks: string[] = [];
  let lines = 0;
  for (const file of files) {
    const text = await readFile(path.join(dir, file), 'utf8');
    text.split('\n').forEach((line, i) => {
      lines++;
      for (const f of forbidden) if (line.includes(f.value)) leaks.push(`${file}:${i + 1}: ${f.name}`);
      if (FULL_EMAIL.test(line)) leaks.push(`${file}:${i + 1}: a full email address`);
    });
  }
  return { files: files.length, lines, leaks };
}
