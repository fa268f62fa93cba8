/**
 * `npm run audit:verify`: walks the audit log's hash chain and prints the number of rows checked
 * and "chain intact", or the first broken row; exits 1 on a break. Uses DATABASE_URL like the
 * app, or the embedded PGlite under PGLITE_DIR (stop the app first: PGlite is one process's).
 * `--from-first-kept`: after the oldest rows were pruned, start from the first row left.
 */
import { parseArgs } from 'node:util';
import { describeChainReport, verifyAuditChain } from '../lib/audit-log/chain';
import { openDatabase } from '../lib/db/connect';
import { resolveEnv } from '../lib/env/schema';
import { loadEnv } from './load-env';

loadEnv();
const { values } = parseArgs({ options: { 'from-first-kept': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log("Usage: npm run audit:verify [-- --from-first-kept]   (after pruning the oldest rows: trust the first kept row's link)");
  process.exit(0);
}
const env = resolveEnv(process.env);
const database = await openDatabase({ url: env.databaseUrl, pgliteDir: env.pgliteDir });
try {
  const started = Date.now();
  const report = await verifyAuditChain(database.db, {
    fromFirstKept: values['from-first-kept'] ?? false,
    onBatch: (n) => {
      if (process.stderr.isTTY) process.stderr.write(`\r${n} rows…`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\r');
  console.log(`${describeChainReport(report)} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  process.exitCode = report.firstBreak ? 1 : 0;
} finally {
  await database.close();
}
