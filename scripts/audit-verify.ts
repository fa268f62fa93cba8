/**
 * `npm run audit:verify`: walks the audit log's hash chain and prints the number of rows checked
 * and "chain intact", or the first broken row; exits 1 on a break. Uses DATABASE_URL like the
 * app, or the embedded PGlite under PGLITE_DIR (stop the app first: PGlite is one process's).
 */
import { describeChainReport, verifyAuditChain } from '../lib/audit-log/chain';
import { openDatabase } from '../lib/db/connect';
import { resolveEnv } from '../lib/env/schema';
import { loadEnv } from './load-env';

loadEnv();
const env = resolveEnv(process.env);
const database = await openDatabase({ url: env.databaseUrl, pgliteDir: env.pgliteDir });
try {
  const started = Date.now();
  const report = await verifyAuditChain(database.db, {
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
