import autocannon from 'autocannon';
import { sandboxSecrets } from '../lib/env/sandbox-defaults';
import { sandboxControl } from '../sandbox/control-client';
import { ratio, viewerCookie, type Harness } from './harness';

/** The app's resident memory (MB), sampled until stopped; the peak growth over its start. */
function sampleRss(pid: number) {
  const read = async () => {
    const fs = await import('node:fs/promises');
    const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  };
  let peak = 0;
  let start = 0;
  let running = true;
  const loop = (async () => {
    start = await read();
    while (running) {
      peak = Math.max(peak, await read());
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { start, peak, growth: peak - start };
    },
  };
}

/** Reads a body to its end: its bytes and lines (CRLF-ended CSV lines). */
async function drain(res: Response): Promise<{ bytes: number; lines: number }> {
  let bytes = 0;
  let lines = 0;
  const reader = res.body?.getReader();
  if (!reader) return { bytes, lines };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { bytes, lines };
    bytes += value.length;
    for (let at = value.indexOf(10); at !== -1; at = value.indexOf(10, at + 1)) lines++;
  }
}

const YEAR = 'from=2025-01-01&to=2025-12-31';

/**
 * Issue 11's measures: the CSV export of 100,000 payments against just fetching the same
 * FarPay pages (ratio, aim ≤ 1.3) with the app's peak memory growth (aim ≤ 100 MB); the
 * payments page's first page with 1,000,000 payments against the server's bare route.
 */
export async function benchFarpay(h: Harness, seconds = 3) {
  const appPid = h.appPid ?? 0;
  const control = sandboxControl(h.sandbox.urls);
  const farpayUrl = h.sandbox.urls.farpay;
  const cookie = await viewerCookie(h.appUrl);
  await control.farpay.settings({ size: 100_000 });

  // The baseline fetches (and parses) the pages the export reads, in the same order, by the same
  // rule (lib/farpay/paging.ts: 1000 asked; a full page proves it; a shorter or empty page ends),
  // one after the other: the export's asking ahead is part of what it is measured for.
  const fetchPages = async () => {
    const t0 = performance.now();
    let size = 1000;
    let records = 0;
    for (let page = 0; ; page++) {
      const res = await fetch(`${farpayUrl}/v2/payments?paymentDateFrom=2025-01-01&paymentDateTo=2025-12-31&pageSize=${size}&page=${page}`, {
        headers: { 'X-API-KEY': sandboxSecrets.FARPAY_API_KEY },
      });
      const rows = res.status === 204 ? [] : ((await res.json()) as unknown[]);
      records += rows.length;
      if (rows.length === 0 || (page > 0 && rows.length < size)) break;
      if (page === 0) size = rows.length;
    }
    return { ms: performance.now() - t0, records };
  };
  const exportOnce = async () => {
    const t0 = performance.now();
    // Uncompressed, like the FarPay pages of the baseline: the row measures the export's work, not
    // next start's gzip of 10 MB (which a browser asking for gzip also gets, and saves on the wire).
    const res = await fetch(`${h.appUrl}/staff/payments/export?${YEAR}`, {
      headers: { cookie, 'sec-fetch-site': 'same-origin', 'accept-encoding': 'identity' },
    });
    if (!res.ok) throw new Error(`export answered ${res.status}`);
    if (res.headers.get('content-encoding')) throw new Error(`export came ${res.headers.get('content-encoding')}-encoded though identity was asked`);
    const { bytes, lines } = await drain(res);
    return { ms: performance.now() - t0, bytes, lines };
  };
  await exportOnce(); // warm-up
  const rss = sampleRss(appPid);
  const pages: number[] = [];
  const exports: number[] = [];
  let bytes = 0;
  // A row that measured nothing (no app to sample, an export or a fetch that read other than 100,000 records) says n/a: run.ts exits non-zero.
  let whole = appPid > 0;
  for (let round = 0; round < 2; round++) {
    const fetched = await fetchPages();
    pages.push(fetched.ms);
    const e = await exportOnce();
    exports.push(e.ms);
    bytes = e.bytes;
    whole &&= fetched.records === 100_000 && e.lines === 100_001;
  }
  const memory = await rss.stop();
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  await control.farpay.settings({ size: 1_000_000 });
  const rps = async (url: string, headers: Record<string, string>) => (await autocannon({ url, connections: 4, duration: seconds, headers })).requests.average;
  const pageUrl = `${h.appUrl}/staff/payments?mode=period&${YEAR}`;
  await rps(pageUrl, { cookie });
  await rps(`${h.appUrl}/api/health/live`, {});
  const bare = await rps(`${h.appUrl}/api/health/live`, {});
  const first = await rps(pageUrl, { cookie });
  await control.farpay.settings({ size: 400 });

  return [
    {
      name: 'farpay CSV export 100k',
      baseline: `fetch pages ${(sum(pages) / pages.length / 1000).toFixed(2)} s`,
      value: `export ${(sum(exports) / exports.length / 1000).toFixed(2)} s (${(bytes / 1e6).toFixed(1)} MB)`,
      ratio: whole ? ratio(sum(exports), sum(pages)) : 'n/a',
    },
    {
      name: 'farpay export memory growth',
      baseline: `aim ≤ 100 MB (rss at start ${memory.start.toFixed(0)} MB)`,
      value: `peak +${memory.growth.toFixed(1)} MB`,
      ratio: whole && memory.start > 0 ? (memory.growth / 100).toFixed(3) : 'n/a',
    },
    {
      name: 'payments page, 1M payments',
      baseline: `bare route ${bare.toFixed(0)} req/s`,
      value: `first page ${first.toFixed(0)} req/s`,
      ratio: ratio(first, bare),
    },
  ];
}
