import Stripe from 'stripe';
import { sandboxSecrets } from '../lib/env/sandbox-defaults';
import { sandboxControl } from '../sandbox/control-client';
import { customerCookie, ratio, type Harness } from './harness';

/** The value below which 99 % of the samples fall (the highest for fewer than 100); NaN for none. */
const p99 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : (s[Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)] ?? NaN);
};
const ms = (x: number) => `${x.toFixed(0)} ms`;

/**
 * Issue 27's "customers stay served during an import": `rows` existing Stripe cards imported
 * (POST /api/imports, as `npm run import` does: every row checked at Stripe, then queued and
 * drained at Fenerum's budget in the bulk lane) while `customers` customers load /pay one after
 * another; their p99 against the same page at rest, before the import. A row that got no sample
 * during the import measures nothing (its ratio is not a number: the bench exits non-zero).
 */
export async function benchCardImport(h: Harness, rows = 300, customers = 2) {
  const control = sandboxControl(h.sandbox.urls);
  const api = new URL(h.sandbox.urls.stripe);
  const stripe = new Stripe(sandboxSecrets.STRIPE_SECRET_KEY, { host: api.hostname, port: Number(api.port), protocol: 'http' });
  const accounts = await Promise.all(Array.from({ length: 10 }, async () => (await control.fenerum.createAccount()).code));
  const pms: string[] = [];
  for (let i = 0; i < rows; i += 20) {
    pms.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(20, rows - i) }, async () => {
          const customer = await stripe.customers.create({ description: 'bench: existing customer' });
          return (await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id })).id;
        }),
      )),
    );
  }
  const csv = ['account,gateway,token', ...pms.map((pm, i) => `${accounts[i % accounts.length]},stripe_new,${pm}`)].join('\r\n');
  const cookies = await Promise.all(Array.from({ length: customers }, async () => customerCookie(h.appUrl, (await control.fenerum.createAccount()).code)));
  const pay = async (cookie: string) => {
    const start = performance.now();
    const res = await fetch(`${h.appUrl}/pay`, { headers: { cookie } });
    await res.text();
    return { ok: res.status === 200, ms: performance.now() - start };
  };
  const sample = async (until: () => boolean, max: number) => {
    const out: Array<{ ok: boolean; ms: number }> = [];
    await Promise.all(
      cookies.map(async (cookie) => {
        while (!until() && out.length < max) out.push(await pay(cookie));
      }),
    );
    return out;
  };
  for (const cookie of cookies) await pay(cookie); // warm up
  let restCount = 0;
  const rest = await sample(() => ++restCount > 120, 120);

  const headers = { Authorization: `Bearer ${sandboxSecrets.PORTAL_API_KEY}`, 'Content-Type': 'application/json' };
  let finished = false;
  const started = performance.now();
  const run = (async () => {
    const res = await fetch(`${h.appUrl}/api/imports`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ fileName: 'bench.csv', content: Buffer.from(csv).toString('base64'), by: 'bench' }),
    });
    const body = (await res.json()) as { id?: string; queued?: number; error?: string };
    if (res.status !== 201 || !body.id) throw new Error(`import refused (${res.status}): ${body.error}`);
    for (;;) {
      const p = (await (await fetch(`${h.appUrl}/api/imports/${body.id}`, { headers })).json()) as { left: number; done: number };
      if (p.left === 0 || performance.now() - started > 600_000) return { queued: body.queued ?? 0, done: p.done };
      await new Promise((r) => setTimeout(r, 500));
    }
  })().finally(() => {
    finished = true;
  });
  const during = await sample(() => finished, Infinity);
  const outcome = await run;
  const seconds = (performance.now() - started) / 1000;
  const served = (xs: Array<{ ok: boolean }>) => `${xs.filter((x) => x.ok).length}/${xs.length} served`;
  return [
    {
      name: `customer /pay p99 during a ${rows}-card import`,
      baseline: `at rest p99 ${ms(p99(rest.map((x) => x.ms)))} (${served(rest)})`,
      value: `p99 ${ms(p99(during.map((x) => x.ms)))} (${served(during)}); ${outcome.done}/${outcome.queued} cards in ${seconds.toFixed(0)} s`,
      ratio: during.length === 0 ? 'n/a' : ratio(p99(during.map((x) => x.ms)), p99(rest.map((x) => x.ms))),
    },
  ];
}
