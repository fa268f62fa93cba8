import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../http';
import { createFenerumEmulator, type FenerumEmulator } from './emulator';

const TOKEN = 'test-fenerum-token';
const H = { Authorization: `Token ${TOKEN}`, 'X-Client-System': 'FilterTest' };

let nowMs = Date.parse('2026-12-10T12:00:00Z');
let emulator: FenerumEmulator;
let server: RunningServer;

beforeAll(async () => {
  emulator = createFenerumEmulator({ token: TOKEN, lookupCard: () => null, now: () => new Date(nowMs) });
  server = await serve(emulator, 0);
});
afterAll(() => server.close());
beforeEach(() => {
  nowMs = Date.parse('2026-12-10T12:00:00Z');
  emulator.reset();
  emulator.state.settings.rateLimit.enabled = false;
});

type Page = { count: number; next: string | null; results: Array<Record<string, unknown>> };
async function get(path: string): Promise<{ status: number; body: Page & Record<string, unknown> }> {
  const res = await fetch(`${server.url}${path}`, { headers: H });
  return { status: res.status, body: (await res.json()) as Page & Record<string, unknown> };
}
async function control<T>(path: string, body: unknown = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.url}/__sandbox/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T };
}

describe('GET /accounts/ filters, as Fenerum documents them', () => {
  it('last_modified_date__gte: only accounts made or changed since', async () => {
    nowMs = Date.parse('2026-12-10T12:05:00Z');
    const made = await control<{ code: string }>('accounts', {});
    nowMs = Date.parse('2026-12-10T12:10:00Z');
    await control('accounts/CUST002/change', { name: 'Havblik Renamed ApS' });
    const since = await get('/api/v1/accounts/?last_modified_date__gte=2026-12-10T12:00:00Z');
    expect(since.body.results.map((a) => a.code)).toEqual(['CUST002', made.body.code]);
    const later = await get('/api/v1/accounts/?last_modified_date__gte=2026-12-10T12:06:00Z');
    expect(later.body.results.map((a) => [a.code, a.company_name])).toEqual([['CUST002', 'Havblik Renamed ApS']]);
    const before = await get('/api/v1/accounts/?last_modified_date__lte=2026-12-10T12:06:00Z&created_date__gte=2026-01-01T00:00:00Z');
    expect(before.body.results.map((a) => a.code)).toEqual([made.body.code]);
  });

  it('a malformed date is a per-field 400, as django-filter answers', async () => {
    for (const bad of ['yesterday', '2026-12-10', '2026-12-10T12:00:00']) {
      const r = await get(`/api/v1/accounts/?last_modified_date__gte=${encodeURIComponent(bad)}`);
      expect(r).toMatchObject({ status: 400, body: { last_modified_date__gte: ['Enter a valid date/time.'] } });
    }
  });

  it('?code= is exact; an unknown code is an empty list', async () => {
    expect((await get('/api/v1/accounts/?code=CUST001')).body.results.map((a) => a.code)).toEqual(['CUST001']);
    expect((await get('/api/v1/accounts/?code=CUST00')).body).toMatchObject({ count: 0, results: [] });
  });

  it('Fields: only the fields asked for (unknown names ignored); never last_modified_date unasked', async () => {
    const r = await get('/api/v1/accounts/?code=CUST001&Fields=uuid,code,company_name,nonsense');
    expect(r.body.results).toEqual([{ uuid: expect.any(String), code: 'CUST001', company_name: 'Nordlys ApS' }]);
    const whole = await get('/api/v1/accounts/?code=CUST001');
    expect(whole.body.results[0]).toHaveProperty('legal_city');
    expect(whole.body.results[0]).not.toHaveProperty('last_modified_date');
  });
});

describe('the sandbox’s generator and account edits', () => {
  it('holds 10,000 generated accounts, each with a recipient, and pages them 100 at a time quickly', async () => {
    const started = Date.now();
    const made = await control<{ count: number; first: string; last: string; prefix: string }>('accounts/generate', { count: 10_000, prefix: 'GEN' });
    expect(made).toMatchObject({ status: 201, body: { count: 10_000, first: 'GEN-000001', last: 'GEN-010000' } });
    const page = await get('/api/v1/accounts/?page_size=100&page=50&Fields=uuid,code');
    expect(page.body.count).toBeGreaterThanOrEqual(10_000);
    expect(page.body.results).toHaveLength(100);
    const recipients = await get('/api/v1/recipients/?account=GEN-004242');
    expect(recipients.body.results.map((r) => r.email)).toEqual(['gen-004242@generated.example']);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await control('accounts/generate', { count: 1, prefix: 'GEN' })).status).toBe(409);
    expect((await control('accounts/generate', { count: 0 })).status).toBe(400);
  });

  it('deletes an account with its recipients; a rename or delete of an unknown account is 404', async () => {
    const made = await control<{ code: string }>('accounts', {});
    expect((await control('accounts/' + made.body.code + '/delete')).status).toBe(200);
    expect((await get(`/api/v1/accounts/?code=${made.body.code}`)).body.count).toBe(0);
    expect((await control('accounts/NOPE/delete')).status).toBe(404);
    expect((await control('accounts/NOPE/change', { name: 'x' })).status).toBe(404);
    expect((await control('accounts/CUST001/change', {})).status).toBe(400);
  });
});
