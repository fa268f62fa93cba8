import { gzipSync } from 'node:zlib';
import { customerCookie, ratio, type Harness } from './harness';

/** Gzip bytes of the same-origin scripts a page loads (what its HTML references). */
async function pageScriptBytes(appUrl: string, path: string, headers: Record<string, string> = {}): Promise<number> {
  const html = await (await fetch(`${appUrl}${path}`, { headers })).text();
  // Modern browsers skip `nomodule` scripts (Next's legacy polyfills): count what they load.
  const tags = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\bnoModule\b|\bnomodule\b/.test(tag));
  const srcs = [...new Set(tags.map((tag) => /\bsrc="([^"]+)"/.exec(tag)?.[1] ?? ''))].filter((s) => s.startsWith('/'));
  let total = 0;
  for (const src of srcs) total += gzipSync(Buffer.from(await (await fetch(`${appUrl}${src}`)).arrayBuffer()), { level: 9 }).length;
  return total;
}

/** The portal page's client JavaScript against the framework's own minimum (the 404 page). */
export async function benchPortalJs(h: Harness) {
  const cookie = await customerCookie(h.appUrl, 'CUST001');
  const baseline = await pageScriptBytes(h.appUrl, '/bench-no-such-page');
  const portal = await pageScriptBytes(h.appUrl, '/pay', { cookie });
  return {
    name: 'portal page client JS (gzip)',
    baseline: `404 page ${(baseline / 1024).toFixed(1)} kB`,
    value: `portal ${(portal / 1024).toFixed(1)} kB`,
    ratio: ratio(portal, baseline),
  };
}
