import { describe, expect, it, vi } from 'vitest';
import { log } from '@/lib/log';
import { loadPortal, createPortalCache } from '@/lib/cards/portal';
import type { Db } from '@/lib/db/connect';
import { createFenerumClient } from '@/lib/fenerum/client';
import { isFenerumError } from '@/lib/fenerum/errors';
import { errorResponse } from '@/lib/server/errors';
import { issueCustomerLink, type LinkDeps } from './links';

/**
 * Issue 9 item 3, with a fake clock (no waiting, no wall clock): a burst of link requests while
 * a customer loads the portal. Fenerum answers at once; only the limiter decides who is sent.
 */
function world() {
  const sleepers: Array<{ at: number; wake: () => void }> = [];
  const clock = { t: 1_000_000 };
  const advance = async (ms: number) => {
    clock.t += ms;
    for (const s of sleepers.filter((x) => x.at <= clock.t)) {
      sleepers.splice(sleepers.indexOf(s), 1);
      s.wake();
    }
    await settle();
  };
  const sent: string[] = [];
  const fetchStub: typeof fetch = (input) => {
    const url = new URL(String(input));
    sent.push(url.pathname.replace('/api/v1/', '') + url.search);
    const code = url.pathname.match(/accounts\/([^/]+)\//)?.[1] ?? url.searchParams.get('account') ?? '';
    const account = { uuid: `uuid-${code}`, code, name: `Company ${code}`, email: null };
    const body = url.pathname.endsWith('/paymentcards/') ? { count: 0, next: null, previous: null, results: [] } : account;
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
  };
  const fenerum = createFenerumClient({
    apiUrl: 'https://fenerum.test/api/v1',
    token: 't',
    clientSystem: 'CardPortal',
    ratePerMinute: 60,
    fetch: fetchStub,
    now: () => clock.t,
    sleep: (ms) => new Promise<void>((wake) => sleepers.push({ at: clock.t + ms, wake })),
  });
  const db = { transaction: async (fn: (tx: unknown) => Promise<void>) => fn({ insert: () => ({ values: async () => undefined }) }) } as unknown as Db;
  const deps = { db, fenerum, portalCache: createPortalCache(), env: { linkSecret: 'x'.repeat(32), appUrl: 'https://portal.test' } } satisfies LinkDeps;
  const link = (account: string, signal?: AbortSignal) =>
    issueCustomerLink(deps, { accountCode: account, issuedBy: 'api', lookup: { priority: 'bulk', signal } }).catch((err: unknown) => err);
  /** A link request, and the (fake) time its answer came. */
  const timedLink = (account: string, signal?: AbortSignal) => link(account, signal).then((result) => ({ result, at: clock.t }));
  return { clock, advance, sent, fenerum, deps, link, timedLink };
}
const settle = async () => {
  for (let i = 0; i < 50; i++) await Promise.resolve();
};

describe('a burst of 100 link requests while a customer loads the portal', () => {
  it("serves the customer's Fenerum calls first, refuses the surplus at once with 503 + Retry-After, and sends nothing for a caller who left", async () => {
    const w = world();
    // The minute before: 40 links, two a second (bulk callers may fill 40 of Fenerum's 60).
    for (let i = 0; i < 40; i++) {
      expect(await w.link(`EARLY${i}`)).toMatchObject({ account: { code: `EARLY${i}` } });
      await w.advance(500);
    }
    await w.advance(40_000 - 200); // the first of those ages out in 0.2 s, then one every 0.5 s
    w.sent.length = 0;
    const start = w.clock.t;

    const gone = new AbortController();
    const burst = Array.from({ length: 100 }, (_, i) => w.timedLink(`BURST${i}`, i === 0 ? gone.signal : undefined));
    const portal = loadPortal(w.deps, 'CUSTOMER', 'uuid-CUSTOMER');
    await settle();

    // The customer came after 100 link requests, and was served first, without waiting.
    expect(await portal).toMatchObject({ ok: true, account: { code: 'CUSTOMER' } });
    expect(w.clock.t).toBe(start);
    expect(w.sent).toEqual(['accounts/CUSTOMER/', 'paymentcards/?account=CUSTOMER&page_size=100']);

    // The first link request waits for a slot; its caller hangs up, and the next in line gets it.
    gone.abort();
    await w.advance(2_000);
    const answers = await Promise.all(burst);
    const results = answers.map((a) => a.result);
    expect(isFenerumError(results[0]) && results[0].kind).toBe('aborted');
    expect(w.sent).not.toContain('accounts/BURST0/');
    expect(w.sent.slice(2)).toEqual(['accounts/BURST1/']);
    expect(results[1]).toMatchObject({ account: { code: 'BURST1' } });

    // The other 98 were refused without waiting (before the clock moved), each a 503 with Retry-After.
    const surplus = answers.slice(2);
    expect(surplus.every((a) => isFenerumError(a.result) && a.result.kind === 'over_budget' && a.at === start)).toBe(true);
    // Each refusal is one short warning (load shed as designed), never an error with its stack.
    const warned = vi.spyOn(log, 'warn').mockImplementation(() => {});
    const errored = vi.spyOn(log, 'error').mockImplementation(() => {});
    const replies = surplus.map((a) => errorResponse(a.result));
    expect(warned).toHaveBeenCalledTimes(surplus.length);
    expect(warned.mock.calls[0]?.[0]).not.toHaveProperty('err');
    expect(errored).not.toHaveBeenCalled();
    warned.mockRestore();
    errored.mockRestore();
    expect(replies.every((r) => r.status === 503)).toBe(true);
    for (const r of replies) expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await replies[0]?.json()).toEqual({ error: expect.stringMatching(/try again in \d+ seconds/), code: 'provider-unavailable' });
  });

  it('makes no Fenerum call for a link to an account looked up a moment ago, by a link or by the portal', async () => {
    const w = world();
    await loadPortal(w.deps, 'CUSTOMER', 'uuid-CUSTOMER');
    await w.link('CUSTOMER');
    await w.link('OTHER');
    await w.link('OTHER');
    expect(w.sent.filter((s) => s.startsWith('accounts/'))).toEqual(['accounts/CUSTOMER/', 'accounts/OTHER/']);
  });
});
