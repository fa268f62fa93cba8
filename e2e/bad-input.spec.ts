import { mkdtemp, rm } from 'node:fs/promises';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Browser } from '@playwright/test';
import { sandboxSecrets } from '../lib/env/sandbox-defaults';
import { control } from './support/test';
import { E2E } from './support/ports';
import { AppProcess } from './support/app-process';
import { probesFor, type Credentials } from './support/bad-input-catalogue';
import { rawRequest, type RawAnswer } from './support/raw-http';
import { staffActionProbes } from './support/staff-action-probes';
import { SANDBOX_TOTP_SECRET, submitPassword, submitTotp } from './support/staff';
import { countRows, readAuditIps } from './support/row-counts';

/**
 * The bad-input catalogue (issue 9, item 5) against a production build: every route × TRACE,
 * malformed escapes, dot segments, malformed JSON, wrong content types, NUL, oversized bodies,
 * and provider bodies that are validly signed but can never be stored. No answer is a 5xx, the
 * designed ones are exact, and nothing is written: the database's rows are counted before and
 * after (on disk, read while the app is stopped: PGlite belongs to one process).
 */
const PORT = E2E.badInput.appPort;
let dir: string;
let app: AppProcess;
let credentials: Credentials;

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const start = async () => {
  app = new AppProcess(PORT, { SANDBOX_PORT: String(E2E.sandboxPort), PGLITE_DIR: dir, FENERUM_RATE_LIMIT_PER_MINUTE: '600' });
  await app.start();
};

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = await mkdtemp(path.join(tmpdir(), 'bad-input-'));
  await start();
  const account = (await control.fenerum.createAccount()).code;
  // Issued from forged addresses: the audit log must keep the socket's instead (TRUST_PROXY_HOPS=0).
  const issue = (forwardedFor: string) =>
    rawRequest(app.url, {
      method: 'POST',
      path: '/api/links',
      headers: { Authorization: `Bearer ${sandboxSecrets.PORTAL_API_KEY}`, 'Content-Type': 'application/json', 'X-Forwarded-For': forwardedFor },
      body: JSON.stringify({ account }),
    });
  expect((await issue(`${'x'.repeat(8_000)}, 6.6.6.6`)).status).toBe(201);
  const issued = await issue('6.6.6.6');
  expect(issued.status).toBe(201);
  const linkToken = new URL((JSON.parse(issued.body) as { url: string }).url).pathname.split('/').pop() ?? '';
  const opened = await rawRequest(app.url, { method: 'GET', path: `/pay/${linkToken}`, headers: { 'Sec-Fetch-Site': 'none' } });
  const setCookie = opened.headers['set-cookie']?.[0] ?? '';
  credentials = { cookie: setCookie.split(';')[0] ?? '', linkToken };
  expect(credentials.cookie).toContain('=');
});

test.afterAll(async () => {
  await app?.kill('SIGTERM');
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('the audit log keeps the socket address, never a client-written X-Forwarded-For', async () => {
  await app.kill('SIGTERM');
  const rows = await readAuditIps(dir);
  await start();
  // The two links issued from forged addresses, and the one opened.
  expect(rows.filter((r) => r.action === 'link.issued')).toHaveLength(2);
  expect(rows.filter((r) => r.action === 'link.opened')).toHaveLength(1);
  // `next start` on this machine: the test connects over loopback.
  for (const { ip } of rows) expect(ip && isIP(ip) && /^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/.test(ip)).toBeTruthy();
});

/**
 * Tables the app's background work fills whatever the requests: the staff search's index of
 * Fenerum's accounts (a copy, refreshed every 30 s) and its bookkeeping row.
 */
const BACKGROUND_COPIES = new Set(['account_index', 'account_index_state']);
const requestWritten = async () => Object.fromEntries(Object.entries(await countRows(dir)).filter(([table]) => !BACKGROUND_COPIES.has(table)));

test('every route × every kind of bad input: no 5xx, the designed 4xx (or 200 "ignored"), nothing written', async () => {
  await app.kill('SIGTERM');
  const before = await requestWritten();
  await start();

  const probes = probesFor(credentials);
  const wrong: string[] = [];
  for (const probe of probes) {
    const res = await rawRequest(app.url, probe).catch((err: Error) => ({ status: -1, body: err.message, headers: {} }));
    const designed = probe.status === undefined ? res.status > 0 && res.status < 500 : res.status === probe.status;
    if (!designed) wrong.push(`${probe.name}: ${res.status} ${res.body.slice(0, 120)}`);
    if (probe.status === 200) expect(JSON.parse(res.body), probe.name).toMatchObject({ result: expect.stringMatching(/^ignored/) });
    const missing = missingCode(res);
    if (missing) wrong.push(`${probe.name}: ${missing}`);
  }
  expect(wrong, `${wrong.length} of ${probes.length} answered wrongly`).toEqual([]);
  expect((await rawRequest(app.url, { method: 'GET', path: '/api/health/live' })).status).toBe(200);

  await app.kill('SIGTERM');
  expect(await requestWritten()).toEqual(before);
  await start();
});

/** A JSON 4xx must carry a stable `code` a caller can branch on (README, the API section); null when it does. */
function missingCode(res: RawAnswer): string | null {
  const type = String(res.headers['content-type'] ?? '');
  if (res.status < 400 || res.status >= 500 || !type.includes('application/json')) return null;
  const code = (JSON.parse(res.body) as { code?: unknown }).code;
  return typeof code === 'string' && /^[a-z]+(-[a-z]+)*$/.test(code) ? null : `${res.status} JSON without a code: ${res.body.slice(0, 120)}`;
}

/** The admin's session cookie on this spec's own app (admin may call every staff action). */
async function adminCookie(browser: Browser): Promise<string> {
  const context = await browser.newContext({ baseURL: app.url });
  try {
    const page = await context.newPage();
    await submitPassword(page, 'admin@sandbox.test', 'sandbox-staff-password');
    await page.waitForURL('**/staff/login');
    await submitTotp(page, SANDBOX_TOTP_SECRET);
    await page.waitForURL((u) => u.pathname === '/staff');
    return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  } finally {
    await context.close();
  }
}

test('every staff Server Action × NUL, unpaired surrogate, huge numbers, foreign Origin: no 5xx, refused, nothing written', async ({ browser }) => {
  const cookie = await adminCookie(browser);
  await app.kill('SIGTERM');
  const before = await requestWritten();
  await start();

  const probes = await staffActionProbes(app.url);
  const wrong: string[] = [];
  for (const probe of probes) {
    const res = await fetch(new URL(probe.postTo, app.url), { method: 'POST', redirect: 'manual', headers: { ...probe.headers, cookie }, body: probe.body });
    const text = await res.text();
    const ok = probe.expect === 403 ? res.status === 403 : res.status === 200 && text.includes('"ok":false') && !text.includes('sign in again');
    if (!ok) wrong.push(`${probe.name}: ${res.status} ${text.slice(0, 160)}`);
  }
  expect(wrong, `${wrong.length} of ${probes.length} answered wrongly`).toEqual([]);
  // The session was there throughout: the refusals were the actions', not "sign in again".
  const still = await fetch(new URL('/staff', app.url), { redirect: 'manual', headers: { cookie } });
  expect(still.status).toBe(200);

  await app.kill('SIGTERM');
  expect(await requestWritten()).toEqual(before);
  await start();
});
