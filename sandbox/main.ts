/** `npm run sandbox`: every provider emulator, until Ctrl-C. */
import { startSandbox } from './server';

const portBase = process.env.SANDBOX_PORT ? Number(process.env.SANDBOX_PORT) : undefined;
// SANDBOX_FAST shortens SEPA settlement only; callbacks and webhooks retry on the providers' real
// schedules (a test asks for fast retries: POST <quickpay|stripe>/__sandbox/settings {"retrySchedule": "fast"}).
const fast = process.env.SANDBOX_FAST === 'true';

const sandbox = await startSandbox({ portBase, appUrl: process.env.APP_URL, fast });
for (const [name, url] of Object.entries(sandbox.urls)) console.log(`sandbox ${name.padEnd(8)} ${url}`);

// Fenerum's limit is 60 a minute; a test run may set another (SANDBOX_FENERUM_RATE_LIMIT=600).
const rate = Number(process.env.SANDBOX_FENERUM_RATE_LIMIT ?? '');
if (rate > 0) {
  await fetch(`${sandbox.urls.fenerum}/__sandbox/settings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ rateLimit: { enabled: true, perMinute: rate } }),
  });
  console.log(`sandbox fenerum  rate limit ${rate}/min`);
}

const stop = async () => {
  await sandbox.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
