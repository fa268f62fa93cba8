import { afterEach, describe, expect, it, vi } from 'vitest';
import { log } from '@/lib/log';
import { json, scriptedFetch } from '@/test/support/provider-http-fakes';
import { createFenerumClient } from './client';

const OURS = '5b1e6f0a-3c2d-4e8f-9a1b-000000000001';
const THEIRS = '5b1e6f0a-3c2d-4e8f-9a1b-000000000002';
const wire = (uuid: string, account: string, cardNumber = 'XXXXXXXXXXXX4242') => ({
  uuid,
  active: true,
  brand: 'Visa',
  card_number: cardNumber,
  month: 12,
  year: 2034,
  payment_gateway: 'stripe_new',
  account,
});
const page = (results: unknown[], next: string | null = null) => ({ count: results.length, next, previous: null, results });

function clientOn(answers: Response[]) {
  const { fetch, calls } = scriptedFetch(answers);
  const client = createFenerumClient({
    apiUrl: 'https://fenerum.test/api/v1',
    token: 't',
    clientSystem: 'CardPortal',
    ratePerMinute: 60,
    fetch,
    sleep: async () => {},
  });
  return { client, calls };
}

afterEach(() => vi.restoreAllMocks());

describe('listPaymentCards', () => {
  it('asks by account code, as Fenerum documents (?account=CUST001), 100 a page', async () => {
    const { client, calls } = clientOn([json(200, page([wire('c1', OURS)]))]);
    await expect(client.listPaymentCards({ code: 'CUST001', uuid: OURS })).resolves.toMatchObject([{ uuid: 'c1', accountUuid: OURS }]);
    const url = new URL(calls[0]?.url ?? '');
    expect(url.pathname).toBe('/api/v1/paymentcards/');
    expect(url.searchParams.get('account')).toBe('CUST001');
    expect(url.searchParams.get('page_size')).toBe('100');
  });

  it('shows no other account’s card when Fenerum ignores the filter, and warns without card numbers', async () => {
    const warn = vi.spyOn(log, 'warn').mockImplementation(() => {});
    const second = 'https://fenerum.test/api/v1/paymentcards/?account=CUST001&page=2&page_size=100';
    const { client } = clientOn([
      json(200, page([wire('c1', OURS), wire('x1', THEIRS, 'XXXXXXXXXXXX1111')], second)),
      json(200, page([wire('x2', THEIRS, 'XXXXXXXXXXXX2222'), wire('c2', OURS)])),
    ]);
    const cards = await client.listPaymentCards({ code: 'CUST001', uuid: OURS });
    expect(cards.map((c) => c.uuid)).toEqual(['c1', 'c2']);
    expect(warn).toHaveBeenCalledTimes(1);
    const logged = JSON.stringify(warn.mock.calls);
    expect(logged).toContain('x1');
    expect(logged).toContain('x2');
    expect(logged).not.toMatch(/1111|2222|4242/);
  });

  it('matches the uuid whatever its case, and warns about nothing when every card is the account’s', async () => {
    const warn = vi.spyOn(log, 'warn').mockImplementation(() => {});
    const { client } = clientOn([json(200, page([wire('c1', OURS.toUpperCase())]))]);
    await expect(client.listPaymentCards({ code: 'CUST001', uuid: OURS })).resolves.toHaveLength(1);
    expect(warn).not.toHaveBeenCalled();
  });

  it('refuses an empty code or uuid without calling Fenerum', async () => {
    const { client, calls } = clientOn([]);
    await expect(client.listPaymentCards({ code: ' ', uuid: OURS })).rejects.toMatchObject({ kind: 'invalid_request' });
    await expect(client.listPaymentCards({ code: 'CUST001', uuid: '' })).rejects.toMatchObject({ kind: 'invalid_request' });
    expect(calls).toHaveLength(0);
  });
});
