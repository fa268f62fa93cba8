import autocannon from 'autocannon';
import { createHmac } from 'node:crypto';
import { sandboxSecrets } from '../lib/env/sandbox-defaults';
import { ratio, type Harness } from './harness';

type Run = { rps: number; p50: number; p99: number; non2xx: number };

async function load(opts: autocannon.Options): Promise<Run> {
  const r = await autocannon({ connections: 50, duration: 5, ...opts });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx };
}

/** A QuickPay callback for a subscription, signed as QuickPay signs it. */
function signedCallback(id: number): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({
    id,
    order_id: `bench-${id}`,
    accepted: true,
    type: 'Subscription',
    state: 'active',
    currency: 'DKK',
    metadata: { brand: 'visa', last4: '0008', exp_month: 12, exp_year: 2030 },
    operations: [{ id: 1, type: 'authorize', pending: false, qp_status_code: '20000' }],
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

/**
 * Callback acknowledgements per second, each verified (checksum over the raw body) and stored
 * (the inbox) before the 200, at 50 concurrent connections, against the bare liveness route.
 * Every callback is a distinct subscription, so every one is a new row.
 */
export async function benchCallbacks(h: Harness) {
  const bare = await load({ url: `${h.appUrl}/api/health/live` });
  // A fresh range each run: on a Postgres kept between runs every callback is still a new row.
  let next = 900_000_000 + Math.floor(Math.random() * 1_000_000) * 1000;
  const cb = await load({
    url: `${h.appUrl}/api/quickpay-callback`,
    method: 'POST',
    requests: [{ setupRequest: (req) => ({ ...req, ...signedCallback(next++) }) }],
  });
  return {
    name: 'QuickPay callback acks (50 conc.)',
    baseline: `bare route ${bare.rps.toFixed(0)} req/s (p50 ${bare.p50} / p99 ${bare.p99} ms)`,
    value: `callbacks ${cb.rps.toFixed(0)} req/s (p50 ${cb.p50} / p99 ${cb.p99} ms, ${cb.non2xx} non-2xx)`,
    ratio: ratio(cb.rps, bare.rps),
  };
}
