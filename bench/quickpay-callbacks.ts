import autocannon from 'autocannon';
import { createHmac } from 'node:crypto';
import { sandboxSecrets } from '../lib/env/sandbox-defaults';
import { sandboxControl } from '../sandbox/control-client';
import { customerCookie, median, type Harness } from './harness';

type Run = { rps: number; p50: number; p99: number; max: number; non2xx: number };
type Subscription = { id: number; order_id: string };

/** As many callbacks as QuickPay's burst in e2e/quickpay-burst.spec.ts. */
const BURST = 1000;
const CONNECTIONS = 50;

async function load(opts: autocannon.Options): Promise<Run> {
  // Requests over the run's whole length, from the start to the last answer, on our own clock:
  // autocannon's `duration` counts whole ticks of its 1 s timer (1,000 or 3,000 quick requests
  // both "take" 1.0 s), and a per-second average misleads when a burst's tail is long.
  const started = performance.now();
  let lastAnswer = started;
  const requests = (opts.requests ?? [{}]).map((r) => ({ ...r, onResponse: () => void (lastAnswer = performance.now()) }));
  const r = await autocannon({ connections: CONNECTIONS, ...opts, requests });
  const seconds = (lastAnswer - started) / 1000;
  return { rps: r.requests.total / seconds, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, non2xx: r.non2xx };
}

/** A subscription's callback once its card is saved, signed as QuickPay signs it. */
function signedCallback(sub: Subscription): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({
    id: sub.id,
    order_id: sub.order_id,
    accepted: true,
    type: 'Subscription',
    state: 'active',
    currency: 'DKK',
    test_mode: true,
    metadata: { type: 'card', brand: 'visa', last4: '0008', exp_month: 12, exp_year: 2030 },
    operations: [{ id: 1, type: 'authorize', pending: false, qp_status_code: '20000', qp_status_msg: 'Approved' }],
  });
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'quickpay-resource-type': 'Subscription',
      'quickpay-api-version': 'v10',
      'quickpay-checksum-sha256': createHmac('sha256', sandboxSecrets.QUICKPAY_PRIVATE_KEY).update(body).digest('hex'),
    },
  };
}

/** `n` customers, each a Fenerum account of its own, each with an open QuickPay window: our pending registrations. */
async function openWindows(h: Harness, n: number): Promise<Subscription[]> {
  const control = sandboxControl(h.sandbox.urls);
  const accounts = new Set<string>();
  for (let i = 0; i < n; i += CONNECTIONS) {
    await Promise.all(
      Array.from({ length: Math.min(CONNECTIONS, n - i) }, async () => {
        const { code } = await control.fenerum.createAccount();
        const cookie = await customerCookie(h.appUrl, code);
        const res = await fetch(`${h.appUrl}/api/create-quickpay-link`, { method: 'POST', headers: { cookie, 'sec-fetch-site': 'same-origin' } });
        if (!res.ok) throw new Error(`create-quickpay-link: ${res.status} ${await res.text()}`);
        accounts.add(code);
      }),
    );
  }
  // QuickPay's own API lists the subscriptions (newest first): ours are the ones naming our accounts.
  const auth = `Basic ${Buffer.from(`:${sandboxSecrets.QUICKPAY_API_KEY}`).toString('base64')}`;
  const subs: Subscription[] = [];
  for (let page = 1; subs.length < n; page++) {
    const res = await fetch(`${h.sandbox.urls.quickpay}/subscriptions?page_size=100&page=${page}`, {
      headers: { authorization: auth, 'accept-version': 'v10' },
    });
    const rows = (await res.json()) as Array<Subscription & { variables?: { account?: string } }>;
    if (rows.length === 0) break;
    subs.push(...rows.filter((s) => accounts.has(s.variables?.account ?? '')).map(({ id, order_id }) => ({ id, order_id })));
  }
  if (subs.length !== n) throw new Error(`expected ${n} open windows, found ${subs.length}`);
  return subs;
}

/** Rounds of the comparison: single runs' p99 swung 67–856 ms for the bare route on this shared machine. */
const ROUNDS = 3;

/** Until the Fenerum emulator has had no request for a second (the last burst's attempts are done), at most a minute. */
async function drained(h: Harness): Promise<void> {
  const control = sandboxControl(h.sandbox.urls);
  let seen = -1;
  for (const until = Date.now() + 60_000; Date.now() < until;) {
    const { total } = await control.fenerum.stats();
    if (total === seen) return;
    seen = total;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/**
 * One round: the bare route, a burst of 1,000 callbacks for pending registrations of our own,
 * the bare route again, then (once Fenerum's attempts are done) the same callbacks forged. The
 * round's baseline is the better of its two bare runs, rate and p99 each: on a shared machine
 * that is the stricter comparison.
 */
async function round(h: Harness) {
  const subs = await openWindows(h, BURST);
  const before = await load({ url: `${h.appUrl}/api/health/live`, amount: BURST });
  const cb = await callbacks(h, subs, signedCallback);
  const after = await load({ url: `${h.appUrl}/api/health/live`, amount: BURST });
  await drained(h);
  // The same POSTs with a wrong checksum: read and refused (401) before anything is parsed or
  // stored. What the framework costs a request with a body, which the bare GET route does not pay.
  const forged = await callbacks(h, subs, forgedCallback);
  if (forged.non2xx !== BURST) throw new Error(`forged callbacks: ${BURST - forged.non2xx} were not refused`);
  return { cb, forged, bare: { rps: Math.max(before.rps, after.rps), p50: Math.min(before.p50, after.p50), p99: Math.min(before.p99, after.p99) } };
}

/** A burst of BURST callbacks, one for each subscription in turn. */
function callbacks(h: Harness, subs: Subscription[], make: (sub: Subscription) => ReturnType<typeof signedCallback>): Promise<Run> {
  let next = 0;
  return load({
    url: `${h.appUrl}/api/quickpay-callback`,
    method: 'POST',
    amount: BURST,
    requests: [{ setupRequest: (req) => ({ ...req, ...make(subs[next++ % subs.length] as Subscription) }) }],
  });
}

/** A callback as QuickPay would send it, signed with the wrong key. */
function forgedCallback(sub: Subscription): ReturnType<typeof signedCallback> {
  const signed = signedCallback(sub);
  return { ...signed, headers: { ...signed.headers, 'quickpay-checksum-sha256': createHmac('sha256', 'not-the-key').update(signed.body).digest('hex') } };
}

/**
 * Bursts of 1,000 QuickPay callbacks at 50 concurrent connections, each for one of our own
 * pending registrations, so each is verified (checksum over the raw body), stored and queued
 * before its 200, and each starts an attempt at Fenerum after its response: the acknowledgements
 * compete with that work as they do in production. Against the bare liveness route under the
 * same load (and, for what the framework costs a POST with a body, the same callbacks forged and
 * refused), in ROUNDS rounds: each round's ratio compares runs made side by side, and their
 * median is the figure (the values shown are the medians of each measure, and every round's
 * ratio). Both routes are warmed first (a server that has just started loads a route's code on
 * its first request, and runs cold for a while).
 */
export async function benchCallbacks(h: Harness) {
  const stranger = (i: number) => signedCallback({ id: 700_000_000 + Math.floor(Math.random() * 1e8) + i, order_id: 'warm-up' });
  let w = 0;
  await load({ url: `${h.appUrl}/api/quickpay-callback`, method: 'POST', amount: 200, requests: [{ setupRequest: (req) => ({ ...req, ...stranger(w++) }) }] });
  // A just-started server's first thousand requests run cold (its p99 then is several times a warm one's).
  await load({ url: `${h.appUrl}/api/health/live`, amount: 2 * BURST });

  const rounds: Array<Awaited<ReturnType<typeof round>>> = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push(await round(h));
  type Round = (typeof rounds)[number];
  const mid = (f: (r: Round) => number) => median(rounds.map(f));
  const each = (f: (r: Round) => number) => rounds.map((r) => f(r).toFixed(2)).join(' / ');
  const cb = { rps: mid((r) => r.cb.rps), p50: mid((r) => r.cb.p50), p99: mid((r) => r.cb.p99) };
  const bare = { rps: mid((r) => r.bare.rps), p50: mid((r) => r.bare.p50), p99: mid((r) => r.bare.p99) };
  const non2xx = rounds.reduce((n, r) => n + r.cb.non2xx, 0);
  const max = Math.max(...rounds.map((r) => r.cb.max));
  return [
    {
      name: `QuickPay callback acks (1,000, 50 conc., median of ${ROUNDS})`,
      baseline: `bare route ${bare.rps.toFixed(0)} req/s (p50 ${bare.p50} / p99 ${bare.p99} ms)`,
      value: `callbacks ${cb.rps.toFixed(0)} req/s (p50 ${cb.p50} / p99 ${cb.p99} / max ${max} ms, ${non2xx} non-2xx; rounds ${each((r) => r.cb.rps / r.bare.rps)})`,
      ratio: mid((r) => r.cb.rps / r.bare.rps).toFixed(3),
    },
    {
      name: 'QuickPay callback acks / forged ones refused',
      baseline: `forged callbacks refused (401) ${mid((r) => r.forged.rps).toFixed(0)} req/s`,
      value: `callbacks ${cb.rps.toFixed(0)} req/s (not an aim: what storing costs beyond reading a POST; rounds ${each((r) => r.cb.rps / r.forged.rps)})`,
      ratio: mid((r) => r.cb.rps / r.forged.rps).toFixed(3),
    },
    {
      name: 'QuickPay callback p99 / bare p99',
      baseline: `bare p99 ${bare.p99} ms`,
      value: `callbacks p99 ${cb.p99} ms (aim ≤ 2×; rounds ${each((r) => r.cb.p99 / r.bare.p99)})`,
      ratio: mid((r) => r.cb.p99 / r.bare.p99).toFixed(3),
    },
  ];
}
