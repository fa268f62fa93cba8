import { describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { callbackRequest, startQuickpay, waitForStatus } from '@/test/support/quickpay-fixtures';
import { authorizeQuickpay, freshAccount } from '@/test/support/sandbox-control';
import { POST as quickpayCallback } from '../quickpay-callback/route';
import { GET } from './route';

const scrape = (authorization?: string) =>
  GET(new Request('http://localhost/api/metrics', authorization === undefined ? {} : { headers: { Authorization: authorization } }));

/** A sample's value in Prometheus' text format (0 when the series is not there yet). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const m = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = (m[2] ?? '').split(',');
    if (want.every((w) => have.includes(w))) return Number(m[3]);
  }
  return 0;
}

async function metricsText(): Promise<string> {
  const res = await scrape(`Bearer ${env().metricsToken}`);
  expect(res.status).toBe(200);
  return res.text();
}

describe('GET /api/metrics', () => {
  it('refuses an anonymous caller with 401 and nothing else: no metric in the body', async () => {
    const res = await scrape();
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({ error: expect.stringContaining('METRICS_TOKEN'), code: 'unauthenticated' });
    expect(body).not.toContain('portal_');
  });

  it.each([
    ['a wrong token', 'Bearer not-the-metrics-token'],
    ['the portal API key', `Bearer ${env().portalApiKey}`],
    ['the token without "Bearer"', String(env().metricsToken)],
    ['an empty bearer', 'Bearer '],
  ])('refuses %s with 401', async (_, authorization) => {
    const res = await scrape(authorization);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it("answers the token with Prometheus' text format: the queue, refunds and mail read from the database", async () => {
    const res = await scrape(`Bearer ${env().metricsToken}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    for (const series of [
      '# TYPE portal_registration_queue gauge',
      'portal_registration_queue{status="queued"}',
      'portal_registration_queue_oldest_age_seconds{status="queued"}',
      'portal_refunds{state="unknown"}',
      'portal_emails{state="failed"}',
      '# TYPE portal_provider_call_duration_seconds histogram',
      '# TYPE portal_http_requests_total counter',
    ]) {
      expect(text).toContain(series);
    }
  });

  it('moves as a card comes in: a callback counted, an attempt registered, a Fenerum call, the queue by status', async () => {
    const before = await metricsText();
    const account = await freshAccount();
    const { registration: reg } = await startQuickpay(account);
    const started = await metricsText();
    expect(sample(started, 'portal_registration_queue', { status: 'started' })).toBeGreaterThan(0);
    expect(sample(started, 'portal_registration_queue_oldest_age_seconds', { status: 'started' })).toBeGreaterThanOrEqual(0);

    const body = await authorizeQuickpay(reg.providerRef);
    expect((await quickpayCallback(callbackRequest(body))).status).toBe(200);
    expect((await quickpayCallback(callbackRequest(body, 'not-the-private-key'))).status).toBe(403);
    await waitForStatus(reg.id, 'registered');

    const after = await metricsText();
    const moved = (name: string, labels: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);
    expect(moved('portal_callbacks_received_total', { provider: 'quickpay', outcome: 'queued' })).toBeGreaterThanOrEqual(1);
    expect(moved('portal_callbacks_received_total', { provider: 'quickpay', outcome: 'refused' })).toBeGreaterThanOrEqual(1);
    expect(moved('portal_registration_attempts_total', { outcome: 'registered' })).toBeGreaterThanOrEqual(1);
    expect(moved('portal_provider_call_duration_seconds_count', { provider: 'fenerum', status: '201' })).toBeGreaterThanOrEqual(1);
    expect(moved('portal_provider_call_duration_seconds_count', { provider: 'quickpay', status: '201' })).toBeGreaterThanOrEqual(1);
    expect(moved('portal_limiter_wait_seconds_count', { provider: 'fenerum', lane: 'registration' })).toBeGreaterThanOrEqual(1);
    expect(moved('portal_registration_queue', { status: 'registered' })).toBeGreaterThanOrEqual(1);
  });
});
