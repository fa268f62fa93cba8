/**
 * `npm run link -- <account code> [--expires 7d]`: prints a customer link. Asks the running
 * app (POST /api/links) so the link is recorded and audited in the app's own database.
 */
import { parseArgs } from 'node:util';
import { resolveEnv } from '../lib/env/schema';
import { loadEnv } from './load-env';

loadEnv();
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { expires: { type: 'string', short: 'e' }, help: { type: 'boolean', short: 'h' } },
});
const account = positionals[0];
if (values.help || !account) {
  console.log('Usage: npm run link -- <account code> [--expires 7d]   (30m, 12h, 7d; at most 90d)');
  process.exit(values.help ? 0 : 2);
}

const env = resolveEnv(process.env);
const endpoint = new URL('/api/links', env.appUrl);
let res: Response;
try {
  res = await fetch(endpoint, {
    method: 'POST',
    headers: { Authorization: `Bearer ${env.portalApiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ account, expiresIn: values.expires, issuedBy: `cli:${process.env.USER ?? 'unknown'}` }),
  });
} catch {
  console.error(`The app is not answering at ${env.appUrl}. Start it (npm run dev, or npm start) or set APP_URL.`);
  process.exit(1);
}
const body = (await res.json().catch(() => ({}))) as { url?: string; expiresAt?: string; error?: string };
if (!res.ok || !body.url) {
  console.error(`Could not issue a link (${res.status}): ${body.error ?? res.statusText}`);
  process.exit(1);
}
console.log(body.url);
console.error(`expires ${body.expiresAt}`);
