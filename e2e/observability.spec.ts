import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { sandboxSecrets } from '../lib/env/sandbox-defaults';
import { quickpayChecksum } from '../lib/quickpay/checksum';
import { MAIN_APP_LOG } from './support/app-logs';
import { E2E } from './support/ports';
import { expect, test } from './support/test';

const METRICS = `${E2E.appUrl}/api/metrics`;

/** A sample's value in Prometheus' text format (0 when the series is not there yet). */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const m = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (m?.[1] === name && want.every((w) => (m[2] ?? '').split(',').includes(w))) return Number(m[3]);
  }
  return 0;
}

async function scrape(request: APIRequestContext): Promise<string> {
  const res = await request.get(METRICS, { headers: { Authorization: `Bearer ${sandboxSecrets.METRICS_TOKEN}` } });
  expect(res.status()).toBe(200);
  return res.text();
}

/** A QuickPay callback with a valid checksum that the portal ignores (not a JSON object): it logs a warning inside the route. */
function ignoredCallback(request: APIRequestContext, requestId?: string) {
  const body = '[]';
  return request.post(`${E2E.appUrl}/api/quickpay-callback`, {
    headers: {
      'Content-Type': 'application/json',
      'QuickPay-Checksum-Sha256': quickpayChecksum(body, sandboxSecrets.QUICKPAY_PRIVATE_KEY),
      ...(requestId ? { 'X-Request-Id': requestId } : {}),
    },
    data: body,
  });
}

test.describe('metrics (issue 25)', () => {
  test('/api/metrics refuses an anonymous caller and a wrong token: 401, no metric', async ({ request }) => {
    for (const headers of [
      {} as Record<string, string>,
      { Authorization: 'Bearer wrong-token-wrong-token' },
      { Authorization: `Bearer ${sandboxSecrets.PORTAL_API_KEY}` },
    ]) {
      const res = await request.get(METRICS, { headers });
      expect(res.status()).toBe(401);
      const body = await res.text();
      expect(JSON.parse(body)).toMatchObject({ code: 'unauthenticated' });
      expect(body).not.toContain('portal_');
    }
  });

  test('its counters move as the run goes: a link issued (HTTP, Fenerum), a callback received', async ({ request, account }) => {
    const before = await scrape(request);
    const link = await request.post(`${E2E.appUrl}/api/links`, {
      headers: { Authorization: `Bearer ${sandboxSecrets.PORTAL_API_KEY}` },
      data: { account: account.code },
    });
    expect(link.status()).toBe(201);
    expect((await ignoredCallback(request)).status()).toBe(200);
    const after = await scrape(request);
    const moved = (name: string, labels: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);
    // Counted in the front door (instrumentation's bundle), read here (the route's): one registry per process.
    expect(moved('portal_http_requests_total', { route: '/api/links', method: 'POST', status: '201' })).toBeGreaterThanOrEqual(1);
    expect(moved('portal_provider_call_duration_seconds_count', { provider: 'fenerum', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(moved('portal_callbacks_received_total', { provider: 'quickpay', outcome: 'ignored' })).toBeGreaterThanOrEqual(1);
    expect(after).toMatch(/^portal_registration_queue\{status="registered"\} \d+$/m);
  });

  test('a burst of API requests waits its turn at the front door, every one answered, none left waiting', async ({ request }) => {
    const burst = await Promise.all(
      Array.from({ length: 40 }, () => request.post(`${E2E.appUrl}/api/links`, { headers: { Authorization: 'Bearer not-the-key' }, data: { account: 'x' } })),
    );
    expect(burst.map((r) => r.status())).toEqual(Array.from({ length: 40 }, () => 401));
    // Other workers' API requests may be waiting this moment; they go in within a moment too.
    await expect.poll(async () => /^portal_api_requests_waiting 0$/m.test(await scrape(request))).toBe(true);
  });
});

test.describe('request ids (issue 25)', () => {
  test("a sane X-Request-Id is kept, anything else replaced; each is on the answer's headers", async ({ request }) => {
    const mine = `e2e-${randomUUID()}`;
    expect((await request.get(`${E2E.appUrl}/api/health`, { headers: { 'X-Request-Id': mine } })).headers()['x-request-id']).toBe(mine);
    const replaced = (await request.get(`${E2E.appUrl}/api/health`, { headers: { 'X-Request-Id': 'two words' } })).headers()['x-request-id'];
    expect(replaced).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect((await request.get(`${E2E.appUrl}/api/health`)).headers()['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  test("every line a request writes carries its id, the route's own included", async ({ request }) => {
    test.skip(process.env.E2E_REUSE === '1' && !process.env.CI, 'the app was not started by this run: its log is not ours to read');
    const id = `e2e-${randomUUID()}`;
    const res = await ignoredCallback(request, id);
    expect(res.headers()['x-request-id']).toBe(id);
    const lines = async () =>
      (await readFile(MAIN_APP_LOG, 'utf8'))
        .split('\n')
        .filter((l) => l.includes(id))
        .map((l) => JSON.parse(l) as { requestId?: string; msg: string; level: string });
    await expect.poll(async () => (await lines()).map((l) => l.msg).sort()).toEqual(['QuickPay callback ignored', 'answered']);
    for (const line of await lines()) expect(line.requestId).toBe(id);
  });
});
