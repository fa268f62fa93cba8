import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../http';
import { DEMO_ACCOUNT_UUIDS } from './demo-data';
import { createFenerumEmulator, type FenerumEmulator } from './emulator';

const TOKEN = 'recipient-emulator-token';
const H = { Authorization: `Token ${TOKEN}`, 'X-Client-System': 'RecipientEmulatorTest' };
let emulator: FenerumEmulator;
let server: RunningServer;
beforeAll(async () => {
  emulator = createFenerumEmulator({ token: TOKEN, lookupCard: () => null });
  server = await serve(emulator, 0);
});
afterAll(() => server.close());
beforeEach(() => emulator.reset());

type Body = Record<string, unknown> & { results?: Array<Record<string, unknown>>; next?: string | null; count?: number };
async function call(path: string, init: { body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: Body }> {
  const res = await fetch(`${server.url}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: { ...(init.headers ?? H), ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, body: (await res.json()) as Body };
}
const control = (path: string, body: unknown) => call(path, { body, headers: {} });
const emails = (b: Body) => (b.results ?? []).map((r) => r.email);

describe('recipients (fenerum.com/docs/api/recipient)', () => {
  it('shows a recipient with the documented fields, its account by uuid', async () => {
    const r = await call('/api/v1/recipients/?account=CUST001');
    expect(r.status).toBe(200);
    expect(r.body.results?.[0]).toEqual({
      uuid: expect.any(String),
      account: DEMO_ACCOUNT_UUIDS.CUST001,
      name: 'Bogholderiet',
      email: 'faktura@nordlys.dk',
      receive_invoice: true,
      receive_payment_confirmation: true,
      receive_subscription_notifications: false,
    });
    const one = await call(`/api/v1/recipients/${String(r.body.results?.[0]?.uuid)}/`);
    expect(one.body).toMatchObject({ email: 'faktura@nordlys.dk' });
    expect((await call('/api/v1/recipients/00000000-0000-4000-8000-000000000000/')).status).toBe(404);
  });

  it('filters ?account= by code by default; a uuid or unknown code is an invalid choice', async () => {
    expect(emails((await call('/api/v1/recipients/?account=CUST001')).body)).toEqual(['faktura@nordlys.dk', 'ida@nordlys.dk']);
    expect(await call(`/api/v1/recipients/?account=${DEMO_ACCOUNT_UUIDS.CUST001}`)).toMatchObject({ status: 400, body: { account: [expect.any(String)] } });
    expect((await call('/api/v1/recipients/?account=NOPE')).status).toBe(400);
  });

  it('filters by uuid under the `uuid` switch, and not at all under `ignore`', async () => {
    await control('/__sandbox/settings', { recipientListAccountFilter: 'uuid' });
    expect(emails((await call(`/api/v1/recipients/?account=${DEMO_ACCOUNT_UUIDS.CUST002}`)).body)).toEqual(['regnskab@havblik.dk']);
    expect((await call('/api/v1/recipients/?account=CUST002')).status).toBe(400);
    await control('/__sandbox/settings', { recipientListAccountFilter: 'ignore' });
    expect((await call('/api/v1/recipients/?account=CUST002')).body.count).toBe(emulator.state.recipients.length);
  });

  it('pages like every list (20 by default, at most 100)', async () => {
    const made = await control('/__sandbox/accounts', { recipients: Array.from({ length: 25 }, (_, i) => ({ email: `p${i}@paged.test` })) });
    const code = String(made.body.code);
    const first = await call(`/api/v1/recipients/?account=${code}`);
    expect(first.body).toMatchObject({ count: 25, previous: null });
    expect(first.body.results).toHaveLength(20);
    const second = await call(new URL(String(first.body.next)).pathname + new URL(String(first.body.next)).search);
    expect(second.body.results).toHaveLength(5);
    expect(second.body.next).toBeNull();
  });

  it('a test makes its own account and recipients through the controls; needs the API token for the API', async () => {
    const made = await control('/__sandbox/accounts', { name: 'Modtager ApS', email: 'bogholder@modtager.dk' });
    expect(made.status).toBe(201);
    expect(made.body).not.toHaveProperty('billing_email');
    expect(made.body.recipients).toEqual([
      expect.objectContaining({ email: 'bogholder@modtager.dk', receive_payment_confirmation: true, receive_invoice: true }),
    ]);
    const none = await control('/__sandbox/accounts', { recipients: [] });
    expect(none.body.recipients).toEqual([]);
    const added = await control('/__sandbox/recipients', { account: none.body.code, email: 'late@modtager.dk', receive_payment_confirmation: false });
    expect(added).toMatchObject({
      status: 201,
      body: { email: 'late@modtager.dk', receive_payment_confirmation: false, receive_invoice: true, account: none.body.uuid },
    });
    expect(emails((await call(`/api/v1/recipients/?account=${String(none.body.code)}`)).body)).toEqual(['late@modtager.dk']);
    expect((await control('/__sandbox/recipients', { account: 'NOPE', email: 'x@y.dk' })).status).toBe(404);
    expect((await control('/__sandbox/recipients', { account: 'CUST001', email: 'not an email' })).status).toBe(400);
    expect((await call('/api/v1/recipients/', { headers: {} })).status).toBe(401);
  });
});
