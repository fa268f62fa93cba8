/**
 * `npm run import -- cards.csv [--dry-run]`: brings existing cards over (issue 27). The file is
 * read here and refused at once when it is too large or malformed (naming its first bad line);
 * otherwise the running app checks every row (POST /api/imports) and, without --dry-run, queues
 * the good ones; this then follows the import (done / left / failed, time left) until it is done.
 * Exit code: 0 done, 1 refused or failed rows, 2 usage.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveEnv } from '../lib/env/schema';
import { answerFor } from '../lib/server/refusals';
import { fileRefused } from '../lib/staff/imports/file-refusal';
import { IMPORT_MAX_BYTES, parseImportFile } from '../lib/staff/imports/parse';
import { loadEnv } from './load-env';

loadEnv();
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { 'dry-run': { type: 'boolean' }, 'no-wait': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
});
const path = positionals[0];
if (values.help || !path) {
  console.log('Usage: npm run import -- <cards.csv> [--dry-run] [--no-wait]');
  console.log('  The file: a header account,gateway,token, then one card a line (gateway stripe_new with pm_…, or quickpay with a subscription id).');
  process.exit(values.help ? 0 : 2);
}

const say = (line: string) => process.stdout.write(`${line}\n`);
const fail = (line: string): never => {
  process.stderr.write(`${line}\n`);
  process.exit(1);
};

const size = await stat(path).then(
  (s) => s.size,
  () => fail(`Cannot read ${path}.`),
);
// Too large: refused before it is read whole (the same sentence the app says).
if (size > IMPORT_MAX_BYTES) fail(answerFor(fileRefused({ kind: 'too-large', maxBytes: IMPORT_MAX_BYTES })).message);
const bytes = new Uint8Array(await readFile(path));
const parsed = parseImportFile(bytes);
if (!parsed.ok) fail(answerFor(fileRefused(parsed.refusal)).message);

const env = resolveEnv(process.env);
const headers = { Authorization: `Bearer ${env.portalApiKey}`, 'Content-Type': 'application/json' };
async function call<T>(url: string, init?: RequestInit): Promise<{ status: number; body: T & { error?: string } }> {
  let res: Response;
  try {
    res = await fetch(new URL(url, env.appUrl), { ...init, headers });
  } catch {
    return fail(`The app is not answering at ${env.appUrl}. Start it (npm run dev, or npm start) or set APP_URL.`);
  }
  return { status: res.status, body: (await res.json().catch(() => ({}))) as T & { error?: string } };
}

type Row = { line: number; account: string; gateway: string; token: string; ok: boolean; sentence?: string };
const request = (dryRun: boolean) =>
  JSON.stringify({ fileName: basename(path), content: Buffer.from(bytes).toString('base64'), dryRun, by: `cli:${process.env.USER ?? 'unknown'}` });

if (values['dry-run']) {
  const { status, body } = await call<{ ok: number; bad: number; rows: Row[] }>('/api/imports', { method: 'POST', body: request(true) });
  if (status !== 200) fail(`Refused (${status}): ${body.error ?? 'no answer'}`);
  for (const r of body.rows) say(`line ${r.line}\t${r.account}\t${r.gateway}\t${r.token}\t${r.ok ? 'would be imported' : `NOT imported: ${r.sentence}`}`);
  say(`Dry run: ${body.ok} of ${body.rows.length} rows can be imported, ${body.bad} cannot. Nothing was queued.`);
  process.exit(body.bad > 0 ? 1 : 0);
}

type Started = { id: string; rows: number; queued: number; known: number; rejected: Array<{ line: number; account: string; sentence: string }> };
const { status, body } = await call<Started>('/api/imports', { method: 'POST', body: request(false) });
if (status !== 201) fail(`Refused (${status}): ${body.error ?? 'no answer'}`);
for (const r of body.rejected) say(`line ${r.line}\t${r.account}\tNOT imported: ${r.sentence}`);
say(`Import ${body.id}: ${body.queued} cards queued, ${body.known} already here, ${body.rejected.length} refused.`);
if (values['no-wait']) process.exit(body.rejected.length > 0 ? 1 : 0);

type Progress = { rows: number; done: number; left: number; failed: number; secondsLeft: number | null };
for (;;) {
  const p = await call<Progress>(`/api/imports/${body.id}`);
  if (p.status !== 200) fail(`Could not read the import's progress (${p.status}): ${p.body.error ?? ''}`);
  const eta = p.body.secondsLeft === null ? '' : `, about ${Math.ceil(p.body.secondsLeft / 60)} min left at the current rate`;
  say(`${p.body.done} done, ${p.body.left} left, ${p.body.failed} failed of ${p.body.rows}${eta}`);
  if (p.body.left === 0) {
    if (p.body.failed > 0) fail(`Finished with ${p.body.failed} failed rows: download them with their reasons on the staff page /staff/imports.`);
    say('Finished.');
    process.exit(0);
  }
  await new Promise((r) => setTimeout(r, 5_000));
}
