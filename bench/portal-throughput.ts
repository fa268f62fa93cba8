import autocannon from 'autocannon';
import { customerCookie, ratio, type Harness } from './harness';

async function rps(url: string, headers: Record<string, string>, seconds: number): Promise<{ rps: number; p99: number; non2xx: number }> {
  const r = await autocannon({ url, connections: 10, duration: seconds, headers });
  return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx };
}

/**
 * Portal page requests per second against the server's bare liveness route, measured
 * alternately (bare, portal, bare, portal) so a noisy neighbour hits both alike.
 */
export async function benchPortalThroughput(h: Harness, seconds = 5) {
  const cookie = await customerCookie(h.appUrl, 'CUST001');
  // Warm up both routes (JIT, caches) before measuring.
  await rps(`${h.appUrl}/api/health/live`, {}, 2);
  await rps(`${h.appUrl}/pay`, { cookie }, 2);
  const bare: number[] = [];
  const portal: number[] = [];
  let portalP99 = 0;
  let errors = 0;
  for (let round = 0; round < 2; round++) {
    bare.push((await rps(`${h.appUrl}/api/health/live`, {}, seconds)).rps);
    const p = await rps(`${h.appUrl}/pay`, { cookie }, seconds);
    portal.push(p.rps);
    portalP99 = Math.max(portalP99, p.p99);
    errors += p.non2xx;
  }
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    name: 'portal page throughput',
    baseline: `bare route ${avg(bare).toFixed(0)} req/s`,
    value: `portal ${avg(portal).toFixed(0)} req/s (p99 ${portalP99} ms, ${errors} non-2xx)`,
    ratio: ratio(avg(portal), avg(bare)),
  };
}
