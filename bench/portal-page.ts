import autocannon from 'autocannon';
import { customerCookie, ratio, type Harness } from './harness';

type Sample = { rps: number; p99: number; non2xx: number };

async function sample(url: string, headers: Record<string, string>, seconds: number): Promise<Sample> {
  const r = await autocannon({ url, connections: 10, duration: seconds, headers });
  return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx };
}

/**
 * The portal page against a bare page of the same layout with no data (issue 13): what a view
 * costs beyond rendering the frame. The bare page is /pay itself without a session cookie: the
 * same root layout (header, language switch, sandbox banner), the same proxy (CSP nonce), the same
 * next-intl messages and the same route, but it reads nothing (no cookie means no query and no
 * Fenerum call) and renders the short "session ended" panel. Measured alternately (bare, portal,
 * bare, portal) so a noisy neighbour hits both alike. Both answer 200.
 */
export async function benchPortalPage(h: Harness, seconds = 5) {
  const cookie = await customerCookie(h.appUrl, 'CUST001');
  const url = `${h.appUrl}/pay`;
  // Warm up both (JIT, caches) before measuring.
  await sample(url, {}, 2);
  await sample(url, { cookie }, 2);
  const bare: Sample[] = [];
  const portal: Sample[] = [];
  for (let round = 0; round < 2; round++) {
    bare.push(await sample(url, {}, seconds));
    portal.push(await sample(url, { cookie }, seconds));
  }
  const avg = (xs: Sample[]) => xs.reduce((a, s) => a + s.rps, 0) / xs.length;
  const p99 = (xs: Sample[]) => Math.max(...xs.map((s) => s.p99));
  const errors = (xs: Sample[]) => xs.reduce((a, s) => a + s.non2xx, 0);
  return {
    name: 'portal page vs bare page',
    baseline: `bare page ${avg(bare).toFixed(0)} req/s (p99 ${p99(bare)} ms, ${errors(bare)} non-2xx)`,
    value: `portal ${avg(portal).toFixed(0)} req/s (p99 ${p99(portal)} ms, ${errors(portal)} non-2xx)`,
    ratio: ratio(avg(portal), avg(bare)),
  };
}
