import { sandboxSecrets } from '../lib/env/sandbox-defaults';
import { sandboxControl } from '../sandbox/control-client';
import { customerCookie, type Harness } from './harness';

const qpAuth = { Authorization: `Basic ${Buffer.from(`:${sandboxSecrets.QUICKPAY_API_KEY}`).toString('base64')}`, 'Accept-Version': 'v10' };

/**
 * The registration queue's drain rate against the configured Fenerum limit: `n` customers
 * save a QuickPay card at once, and the Fenerum cards' creation times say how fast the queue
 * reached Fenerum. The busiest rolling minute must not pass the limit (never above), and the
 * first full minute should carry at least 0.9 of it.
 */
export async function benchQueueDrain(h: Harness, limitPerMinute: number, n: number) {
  const control = sandboxControl(h.sandbox.urls);
  const cookie = await customerCookie(h.appUrl, 'CUST003');
  for (let i = 0; i < n; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, n - i) }, () => fetch(`${h.appUrl}/api/create-quickpay-link`, { method: 'POST', headers: { cookie } })),
    );
  }
  const ids: number[] = [];
  for (let page = 1; ids.length < n; page++) {
    const rows = (await (
      await fetch(`${h.sandbox.urls.quickpay}/subscriptions?page=${page}&page_size=100&state=initial`, { headers: qpAuth })
    ).json()) as Array<{ id: number }>;
    if (rows.length === 0) break;
    ids.push(...rows.map((r) => r.id));
  }
  for (let i = 0; i < ids.length; i += 50) {
    await Promise.all(ids.slice(i, i + 50).map((id) => control.quickpay.authorize(id, { card: '1000000000000008' })));
  }
  const cards = () => control.fenerum.cards('CUST003');
  const until = Date.now() + (n / limitPerMinute + 2) * 60_000;
  while ((await cards()).length < ids.length && Date.now() < until) await new Promise((r) => setTimeout(r, 1000));
  const times = (await cards()).map((c) => Date.parse(c.created_date ?? '')).sort((a, b) => a - b);
  const first = times[0] ?? 0;
  const firstMinute = times.filter((t) => t < first + 60_000).length;
  let busiest = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[i] ?? 0) - (times[j] ?? 0) >= 60_000) j++;
    busiest = Math.max(busiest, i - j + 1);
  }
  return {
    name: `queue drain vs Fenerum limit (${n})`,
    baseline: `limit ${limitPerMinute}/min`,
    value: `${times.length}/${ids.length} registered; first minute ${firstMinute}, busiest rolling minute ${busiest} (${(busiest / limitPerMinute).toFixed(2)} of the limit)`,
    // No card queued at all (0/0) is a row that measured nothing: n/a, which makes the bench exit 1 (run.ts).
    ratio: ids.length === 0 ? 'n/a' : (firstMinute / limitPerMinute).toFixed(3),
  };
}
