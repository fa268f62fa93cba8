import { describe, expect, it } from 'vitest';
import { createFenerumClient } from './client';
import { FenerumError } from './errors';
import type { FenerumClientConfig } from './types';
import { json, scriptedFetch } from '@/test/support/provider-http-fakes';

const ACCOUNT = '5b1e6f0a-3c2d-4e8f-9a1b-000000000001';
const card = {
  uuid: 'c1',
  active: true,
  brand: 'Visa',
  card_number: 'XXXXXXXXXXXX4242',
  month: 12,
  year: 2034,
  payment_gateway: 'stripe_new',
  account: ACCOUNT,
};

/** A client on a scripted fetch: each call takes the next answer (a Response, or an error to throw). */
function scripted(answers: Array<Response | Error | 'hang'>, extra: Partial<FenerumClientConfig> = {}) {
  const { fetch: fetchStub, calls } = scriptedFetch(answers);
  const slept: number[] = [];
  let t = 1_000_000;
  const client = createFenerumClient({
    apiUrl: 'https://fenerum.test/api/v1',
    token: 'secret-token',
    clientSystem: 'CardPortal',
    ratePerMinute: 60,
    maxRetries: 2,
    fetch: fetchStub,
    now: () => t,
    sleep: async (ms) => {
      slept.push(ms);
      t += ms;
    },
    ...extra,
  });
  return { client, calls, slept };
}

const refused = () => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
const reset = () => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
const create = { accountUuid: ACCOUNT, gateway: 'stripe_new' as const, token: 'pm_1' };

describe('the Fenerum client on the provider-http core', () => {
  it('sends the token, X-Client-System, JSON content type and X-User, and nothing else secret', async () => {
    const { client, calls } = scripted([json(201, card)]);
    await client.createPaymentCard(create, { email: 'staff@merchant.dk' });
    const headers = new Headers(calls[0]?.init?.headers);
    expect(headers.get('authorization')).toBe('Token secret-token');
    expect(headers.get('x-client-system')).toBe('CardPortal');
    expect(headers.get('x-user')).toBe('staff@merchant.dk');
    expect(headers.get('content-type')).toBe('application/json');
    expect(calls[0]?.url).toBe('https://fenerum.test/api/v1/paymentcards/');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ account: ACCOUNT, gateway: 'stripe_new', token: 'pm_1' });
  });

  it('does not retry a card creation after a 500 or a dropped connection: Fenerum may have made the card', async () => {
    const a = scripted([json(500, { detail: 'A server error occurred.' }), json(201, card)]);
    await expect(a.client.createPaymentCard(create)).rejects.toMatchObject({ status: 500 });
    expect(a.calls).toHaveLength(1);
    const b = scripted([reset(), json(201, card)]);
    await expect(b.client.createPaymentCard(create)).rejects.toMatchObject({ kind: 'network', status: 0 });
    expect(b.calls).toHaveLength(1);
  });

  it('retries a card creation when Fenerum surely did nothing: 503, connection refused, 429', async () => {
    const { client, calls } = scripted([json(503, {}), refused(), json(429, { detail: 'Request was throttled.' }, { 'retry-after': '1' }), json(201, card)], {
      maxRetries: 3,
    });
    await expect(client.createPaymentCard(create)).resolves.toMatchObject({ uuid: 'c1', last4: '4242' });
    expect(calls).toHaveLength(4);
  });

  it('retries a read after a dropped connection and a 502, with growing backoff', async () => {
    const { client, calls, slept } = scripted([reset(), json(502, {}), json(200, card)]);
    await expect(client.getPaymentCard('c1')).resolves.toMatchObject({ uuid: 'c1' });
    expect(calls).toHaveLength(3);
    expect(slept).toHaveLength(2);
    expect(slept[0]).toBeGreaterThanOrEqual(250);
    expect(slept[0]).toBeLessThanOrEqual(500);
    expect(slept[1]).toBeGreaterThanOrEqual(500);
    expect(slept[1]).toBeLessThanOrEqual(1_000);
  });

  it('gives up on a request that hangs, as a timeout, after its retries', async () => {
    const { client, calls } = scripted(['hang', 'hang', 'hang'], { timeoutMs: 20 });
    await expect(client.getAccount('CUST001')).rejects.toMatchObject({ kind: 'timeout', status: 0 });
    expect(calls).toHaveLength(3);
  });

  it('hands a 429 asking for more than a minute back to the caller instead of blocking', async () => {
    const { client, calls } = scripted([json(429, { detail: 'Request was throttled. Expected available in 3600 seconds.' }, { 'retry-after': '3600' })]);
    const err = await client.getAccount('CUST001').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FenerumError);
    expect(err).toMatchObject({ status: 429, retryAfterSeconds: 3600 });
    expect(calls).toHaveLength(1);
  });

  it('turns an answer of the wrong shape into invalid_response, not a crash later', async () => {
    const { client } = scripted([json(200, { uuid: 'c1', active: 'yes' })]);
    await expect(client.getPaymentCard('c1')).rejects.toMatchObject({ kind: 'invalid_response', status: 200 });
  });

  it('does not follow a redirect (it could turn a POST into a GET or leave Fenerum)', async () => {
    const { client, calls } = scripted([new Response(null, { status: 301, headers: { location: 'https://elsewhere.test/' } })]);
    await expect(client.getAccount('CUST001')).rejects.toMatchObject({ kind: 'http', status: 301 });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.init?.redirect).toBe('manual');
  });

  it('refuses to follow a next link to another origin (the token would go with it)', async () => {
    const page = { count: 2, next: 'https://evil.test/api/v1/paymentcards/?page=2', previous: null, results: [card] };
    const { client, calls } = scripted([json(200, page)]);
    await expect(client.listPaymentCards({ code: 'CUST001', uuid: ACCOUNT })).rejects.toMatchObject({ kind: 'invalid_response' });
    expect(calls).toHaveLength(1);
  });

  it('refuses path segments that would climb out of the resource, without calling Fenerum', async () => {
    const { client, calls } = scripted([]);
    await expect(client.getAccount('..')).rejects.toMatchObject({ kind: 'invalid_request' });
    await expect(client.getPaymentCard(' ')).rejects.toMatchObject({ kind: 'invalid_request' });
    expect(calls).toHaveLength(0);
  });

  it('reads the card back when disable answers with something other than the card', async () => {
    const { client, calls } = scripted([json(200, { status: 'disabled' }), json(200, { ...card, active: false })]);
    await expect(client.disablePaymentCard('c1')).resolves.toMatchObject({ uuid: 'c1', active: false });
    expect(calls.map((c) => c.init?.method)).toEqual(['POST', 'GET']);
  });

  it('posts self-service on the API origin, outside /api/v1', async () => {
    const { client, calls } = scripted([json(200, { url: 'https://merchant.hostedsignup.com/access/abc' })]);
    await expect(client.initiateSelfService('a@b.dk')).resolves.toEqual({ url: 'https://merchant.hostedsignup.com/access/abc' });
    expect(calls[0]?.url).toBe('https://fenerum.test/api/self-service/initiate-organization/');
  });
});
