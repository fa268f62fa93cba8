/**
 * `npm run bench`: every benchmark against a production build and the sandbox, each printed
 * as a ratio to a baseline measured in the same run (these machines are shared and noisy).
 * `--build` rebuilds first; `--seconds N` sets the length of each throughput sample.
 */
import { sandboxControl, type FenerumSettings } from '../sandbox/control-client';
import { benchPortalJs } from './client-js';
import { ensureBuild, startHarness } from './harness';
import { benchPortalThroughput } from './portal-throughput';
import { benchCallbacks } from './quickpay-callbacks';
import { benchQueueDrain } from './queue-drain';

type Result = { name: string; ratio: string; value: string; baseline: string };
const secondsArg = process.argv.indexOf('--seconds');
const seconds = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 5;
const DRAIN_LIMIT = 600;

async function settings(h: Awaited<ReturnType<typeof startHarness>>, body: FenerumSettings) {
  await sandboxControl(h.sandbox.urls).fenerum.settings(body);
}

await ensureBuild();
const results: Result[] = [];

// Page and callback speed: Fenerum's limit lifted, so the page is measured, not the limiter.
let h = await startHarness({ FENERUM_RATE_LIMIT_PER_MINUTE: '1000000' });
try {
  await settings(h, { rateLimit: { enabled: false } });
  results.push(await benchPortalThroughput(h, seconds), await benchPortalJs(h), await benchCallbacks(h));
  results.push(...(await (await import('./stripe-add-card')).benchStripeAddCard(h)));
} finally {
  await h.stop();
}

// The queue against Fenerum's limit, enforced on both sides.
h = await startHarness({ FENERUM_RATE_LIMIT_PER_MINUTE: String(DRAIN_LIMIT) });
try {
  await settings(h, { rateLimit: { enabled: true, perMinute: DRAIN_LIMIT } });
  results.push(await benchQueueDrain(h, DRAIN_LIMIT, 2 * DRAIN_LIMIT));
} finally {
  await h.stop();
}

console.log('\nbenchmark                          ratio   value / baseline');
for (const r of results) console.log(`${r.name.padEnd(34)} ${r.ratio.padStart(6)}  ${r.value} / ${r.baseline}`);
