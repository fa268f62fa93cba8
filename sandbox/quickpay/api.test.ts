import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API_KEY, authHeaders, startEmulator, type Started } from './test-support';

let s: Started;
beforeAll(async () => {
  s = await startEmulator({ merchantId: 7777 });
});
afterAll(() => s.server.close());
beforeEach(() => s.emulator.reset());

type Body = Record<string, unknown>;
const create = (body: unknown, init: { form?: boolean } = {}) => s.call('POST', '/subscriptions', { body, ...init });
const valid = { order_id: 'sub-1001', currency: 'DKK', description: 'Payment card' };

describe('authentication and the API version', () => {
  it('answers 401 "Invalid API key" without credentials, with a wrong key, or with another scheme', async () => {
    const none = await s.call('GET', '/subscriptions', { headers: { 'Accept-Version': 'v10' } });
    expect(none).toMatchObject({ status: 401, body: { message: 'Invalid API key' } });
    expect(await s.call('GET', '/subscriptions', { headers: authHeaders('wrong-key') })).toMatchObject({ status: 401, body: { message: 'Invalid API key' } });
    expect(await s.call('GET', '/subscriptions', { headers: { ...authHeaders(), Authorization: `Bearer ${API_KEY}` } })).toMatchObject({ status: 401 });
    // The private key is for checksums, not for the API.
    expect((await s.call('GET', '/subscriptions', { headers: authHeaders('test-quickpay-private-key') })).status).toBe(401);
  });

  it('rejects a missing or other Accept-Version, naming v10', async () => {
    const Authorization = authHeaders().Authorization ?? '';
    const missing = await s.call('GET', '/subscriptions', { headers: { Authorization } });
    expect(missing.status).toBe(400);
    expect(String((missing.body as Body).message)).toMatch(/Accept-Version.*v10/);
    const v9 = await s.call('GET', '/subscriptions', { headers: { Authorization, 'Accept-Version': 'v9' } });
    expect(v9.status).toBe(400);
    expect(String((v9.body as Body).message)).toMatch(/v9.*v10/);
    expect((await s.call('GET', '/subscriptions')).status).toBe(200);
  });
});

describe('POST /subscriptions', () => {
  it('creates an initial, unaccepted subscription with QuickPay fields (201)', async () => {
    const r = await create({ ...valid, currency: 'dkk', variables: { account: 'CUST001' } });
    expect(r.status).toBe(201);
    const sub = r.body as Body;
    expect(sub).toMatchObject({
      merchant_id: 7777,
      order_id: 'sub-1001',
      accepted: false,
      type: 'Subscription',
      currency: 'DKK',
      state: 'initial',
      link: null,
      basket: [],
      operations: [],
      test_mode: true,
      description: 'Payment card',
      variables: { account: 'CUST001' },
    });
    expect(Number.isInteger(sub.id)).toBe(true);
    expect(sub.metadata).toMatchObject({ brand: null, last4: null, exp_month: null, exp_year: null, is_3d_secure: null });
    for (const key of [
      'text_on_statement',
      'branding_id',
      'shipping_address',
      'invoice_address',
      'acquirer',
      'facilitator',
      'created_at',
      'updated_at',
      'retented_at',
      'group_ids',
      'deadline_at',
    ]) {
      expect(sub).toHaveProperty(key);
    }
  });

  it('accepts form bodies, nesting variables[key]', async () => {
    const r = await create({ order_id: 'form-0001', currency: 'EUR', description: 'Form', 'variables[account]': 'CUST002' }, { form: true });
    expect(r).toMatchObject({ status: 201, body: { order_id: 'form-0001', currency: 'EUR', variables: { account: 'CUST002' } } });
  });

  it.each([
    ['order_id missing', { currency: 'DKK', description: 'x' }, 'order_id', "can't be blank"],
    ['order_id too short', { ...valid, order_id: 'abc' }, 'order_id', 'is invalid'],
    ['order_id too long', { ...valid, order_id: 'a'.repeat(21) }, 'order_id', 'is invalid'],
    ['order_id with _', { ...valid, order_id: 'sub_CUST001' }, 'order_id', 'is invalid'],
    ['currency missing', { order_id: 'sub-2', description: 'x' }, 'currency', "can't be blank"],
    ['currency not 3 letters', { ...valid, currency: 'DK' }, 'currency', 'must be three uppercase letters'],
    ['currency not ISO', { ...valid, currency: 'XYZ' }, 'currency', 'is invalid'],
    ['description missing', { order_id: 'sub-3', currency: 'DKK' }, 'description', "can't be blank"],
    ['variables not a hash', { ...valid, variables: 'x' }, 'variables', 'must be a hash'],
  ])('400 Validation error when %s', async (_name, body, field, message) => {
    const r = await create(body);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ message: 'Validation error', errors: { [field]: [message] }, error_code: null });
  });

  it('lists every invalid field at once and creates nothing', async () => {
    const r = await create({});
    expect(Object.keys((r.body as { errors: Body }).errors).sort()).toEqual(['currency', 'description', 'order_id']);
    expect((await s.call('GET', '/subscriptions')).body).toEqual([]);
  });

  it('never hands out an id twice, not even after a reset', async () => {
    const first = ((await create(valid)).body as Body).id as number;
    const second = ((await create({ ...valid, order_id: 'sub-1002' })).body as Body).id as number;
    expect(second).toBeGreaterThan(first);
    s.emulator.reset();
    const afterReset = ((await create(valid)).body as Body).id as number;
    expect(afterReset).toBeGreaterThan(second);
  });

  it('keeps order_id unique per merchant: a repeat is "has already been taken"', async () => {
    expect((await create(valid)).status).toBe(201);
    const again = await create(valid);
    expect(again).toMatchObject({ status: 400, body: { message: 'Validation error', errors: { order_id: ['has already been taken'] } } });
  });
});

describe('links, reads and lists', () => {
  it('PUT /link answers {url} of the hosted window on this emulator and records the link', async () => {
    const id = ((await create(valid)).body as Body).id;
    const r = await s.call('PUT', `/subscriptions/${id}/link`, {
      body: {
        amount: 0,
        continue_url: 'https://shop.test/ok',
        cancel_url: 'https://shop.test/cancel',
        callback_url: 'https://shop.test/cb',
        language: 'en',
        auto_capture: false,
      },
    });
    expect(r.status).toBe(200);
    const url = (r.body as { url: string }).url;
    expect(url.startsWith(`${s.server.url}/window/`)).toBe(true);
    const got = await s.call('GET', `/subscriptions/${id}`);
    expect(got.body).toMatchObject({
      id,
      link: { url, amount: 0, continue_url: 'https://shop.test/ok', callback_url: 'https://shop.test/cb', language: 'en', auto_capture: false },
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Test mode');
  });

  it('validates the link: amount required and an integer, URLs http(s)', async () => {
    const id = ((await create(valid)).body as Body).id;
    const missing = await s.call('PUT', `/subscriptions/${id}/link`, { body: { callback_url: 'https://shop.test/cb' } });
    expect(missing.body).toEqual({ message: 'Validation error', errors: { amount: ["can't be blank"] }, error_code: null });
    const bad = await s.call('PUT', `/subscriptions/${id}/link`, { body: { amount: 1.5, callback_url: 'ftp://x' } });
    expect(bad.body).toMatchObject({ errors: { amount: ['must be an integer'], callback_url: ['is invalid'] } });
  });

  it("404s an unknown subscription with QuickPay's message", async () => {
    expect(await s.call('GET', '/subscriptions/999')).toMatchObject({ status: 404, body: { message: 'Not found: No Subscription with id 999' } });
    expect(await s.call('PUT', '/subscriptions/999/link', { body: { amount: 0 } })).toMatchObject({ status: 404 });
  });

  it('lists subscriptions as a bare array, filtered by order_id', async () => {
    await create({ ...valid, order_id: 'list-0001' });
    await create({ ...valid, order_id: 'list-0002' });
    const all = (await s.call('GET', '/subscriptions')).body as Body[];
    expect(all.map((x) => x.order_id).sort()).toEqual(['list-0001', 'list-0002']);
    const one = (await s.call('GET', '/subscriptions?order_id=list-0002')).body as Body[];
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ order_id: 'list-0002' });
  });
});
