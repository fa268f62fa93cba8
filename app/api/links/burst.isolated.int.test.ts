// Fenerum's real budget for this file's app context (test/setup.ts lifts it for the others).
process.env.FENERUM_RATE_LIMIT_PER_MINUTE = '60';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { log } from '@/lib/log';
import { loadPortal } from '@/lib/cards/portal';
import { sandboxSecrets } from '@/lib/env/sandbox-defaults';
import { appContext } from '@/lib/server/context';
import { sandbox } from '@/test/support/sandbox-control';
import { scratchDatabaseUrl } from '@/test/support/scratch-database';
import { POST } from './route';

const auth = { Authorization: `Bearer ${sandboxSecrets.PORTAL_API_KEY}`, 'Content-Type': 'application/json' };
const issue = (account: string) => POST(new Request('http://localhost:3999/api/links', { method: 'POST', headers: auth, body: JSON.stringify({ account }) }));
/** Account lookups sent to Fenerum (the emulator's audit log has writes only, so the app's fetch is watched). */
const fetched: string[] = [];
const lookupsOf = (codes: string[]) => {
  const paths = new Set(codes.map((c) => `/api/v1/accounts/${c}/`));
  return fetched.filter((url) => paths.has(new URL(url).pathname)).length;
};

describe('POST /api/links: a burst of 100 against Fenerum’s 60 a minute, while a customer loads the portal', () => {
  let codes: string[] = [];
  let customer: { code: string; uuid: string };
  let scratch: Awaited<ReturnType<typeof scratchDatabaseUrl>> = null;
  beforeAll(async () => {
    // On Postgres the budget is the deployment's, kept in the database: other files spend it at the
    // same time, so this file counts its own in a database of its own.
    scratch = await scratchDatabaseUrl(process.env.DATABASE_URL);
    if (scratch) process.env.DATABASE_URL = scratch.url;
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      fetched.push(input instanceof Request ? input.url : String(input));
      return realFetch(input, init);
    });
    await appContext(); // built first: the sandbox closes idle connections after 5 s, and a reused one costs a slot
    customer = await sandbox.fenerum.createAccount();
    codes = (await Promise.all(Array.from({ length: 100 }, () => sandbox.fenerum.createAccount()))).map((a) => a.code);
  });

  // `with (force)`: the app's connections to it end with it.
  afterAll(async () => scratch?.drop());

  it('serves the customer, issues what the bulk share allows, and answers the rest 503 + Retry-After without calling Fenerum', async () => {
    const ctx = await appContext();
    const quiet = vi.spyOn(log, 'warn').mockImplementation(() => {}); // each refusal is logged, a short warning
    const [portal, ...answers] = await Promise.all([loadPortal(ctx, customer.code, customer.uuid), ...codes.map(issue)]);
    quiet.mockRestore();
    expect(lookupsOf([customer.code])).toBe(1);
    expect(portal).toMatchObject({ ok: true, account: { code: customer.code } });

    const issued = answers.filter((r) => r.status === 201);
    const refused = answers.filter((r) => r.status === 503);
    expect(issued.length + refused.length).toBe(100);
    // Bulk callers may fill 40 of the 60; the customer's two calls may have come first.
    expect(issued.length).toBeGreaterThanOrEqual(38);
    expect(issued.length).toBeLessThanOrEqual(40);
    for (const r of refused) {
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await r.json()).toEqual({
        error: expect.stringMatching(/Too many requests to Fenerum right now; please try again in \d+ seconds/),
        code: 'provider-unavailable',
      });
    }
    // A refused link request made no Fenerum call.
    expect(lookupsOf(codes)).toBe(issued.length);
  });

  it('issues a link for an account looked up a moment ago without a Fenerum call, budget spent or not', async () => {
    const res = await issue(customer.code);
    expect(res.status).toBe(201);
    expect(lookupsOf([customer.code])).toBe(1);
  });
});
