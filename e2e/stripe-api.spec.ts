import { request as newRequest, type APIRequestContext } from '@playwright/test';
import { fenerumCards, issueLink } from './support/api';
import { E2E } from './support/ports';
import { expect, test } from './support/test';

/** An API client holding a customer's session, as the browser would after opening the link. */
async function customer(account: string): Promise<APIRequestContext> {
  // The headers a browser sends from the portal's own page (its fetches), and for the visitor's own opening of a link.
  const ctx = await newRequest.newContext({ baseURL: E2E.appUrl, extraHTTPHeaders: { Origin: E2E.appUrl } });
  const res = await ctx.get((await issueLink(ctx, account)).url, { maxRedirects: 0, headers: { 'Sec-Fetch-Site': 'none' } });
  expect(res.status()).toBe(303);
  return ctx;
}

test.describe('the Stripe routes refuse what they must, and write nothing', () => {
  test('without a session: 401 from both', async ({ request }) => {
    for (const path of ['/api/create-setup-intent', '/api/register-payment-card']) {
      const res = await request.post(path, { data: { setupIntentId: 'seti_123' } });
      expect(res.status()).toBe(401);
      expect(await res.json()).toEqual({ error: expect.stringMatching(/session/), code: 'session-ended' });
    }
  });

  test('bad bodies get 400/413 with a message', async ({ account }) => {
    const ctx = await customer(account.code);
    const post = (body: string) => ctx.post('/api/register-payment-card', { headers: { 'Content-Type': 'application/json' }, data: Buffer.from(body) });
    const cases: Array<[string, number, RegExp]> = [
      ['{"setupIntentId": ', 400, /Malformed JSON/],
      ['{}', 400, /setupIntentId/],
      ['{"setupIntentId": 42}', 400, /setupIntentId/],
      ['{"setupIntentId": "pm_123"}', 400, /seti_/],
      [JSON.stringify({ setupIntentId: 'seti_1', pad: 'x'.repeat(40_000) }), 413, /too large/],
    ];
    for (const [body, status, message] of cases) {
      const res = await post(body);
      expect(res.status(), body.slice(0, 40)).toBe(status);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    }
    await ctx.dispose();
  });

  test('another account’s SetupIntent → 403; one not yet confirmed → 409; nothing registered', async ({ account, sandbox }) => {
    const other = await customer((await sandbox.fenerum.createAccount()).code);
    const theirs = (await (await other.post('/api/create-setup-intent')).json()) as { setupIntentId: string; clientSecret: string };
    expect(theirs.clientSecret).toMatch(/^seti_/);
    const me = await customer(account.code);
    const before = (await fenerumCards(account.code)).length;

    const stolen = await me.post('/api/register-payment-card', { data: { setupIntentId: theirs.setupIntentId } });
    expect(stolen.status()).toBe(403);
    const mine = (await (await me.post('/api/create-setup-intent')).json()) as { setupIntentId: string };
    const early = await me.post('/api/register-payment-card', { data: { setupIntentId: mine.setupIntentId } });
    expect(early.status()).toBe(409);
    expect(((await early.json()) as { error: string }).error).toMatch(/not confirmed/);
    expect((await fenerumCards(account.code)).length).toBe(before);
    await Promise.all([me.dispose(), other.dispose()]);
  });
});
