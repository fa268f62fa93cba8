/**
 * `npm run bench`: every benchmark against a production build and the sandbox, each printed
 * as a ratio to a baseline measured in the same run (these machines are shared and noisy).
 * `--build` rebuilds first; `--seconds N` sets the length of each throughput sample.
 */
import { benchPortalJs } from './client-js';
import { ensureBuild, startHarness } from './harness';
import { benchPortalThroughput } from './portal-throughput';

const secondsArg = process.argv.indexOf('--seconds');
const seconds = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 5;

await ensureBuild();
// The benchmark measures the page, not Fenerum's 60/min limit: both limits are lifted here.
const h = await startHarness({ FENERUM_RATE_LIMIT_PER_MINUTE: '1000000' });
try {
  await fetch(`${h.sandbox.urls.fenerum}/__sandbox/settings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ rateLimit: { enabled: false } }),
  });
  const results = [await benchPortalThroughput(h, seconds), await benchPortalJs(h)];
  console.log('\nbenchmark                          ratio   value / baseline');
  for (const r of results) console.log(`${r.name.padEnd(34)} ${r.ratio.padStart(6)}  ${r.value} / ${r.baseline}`);
} finally {
  await h.stop();
}
