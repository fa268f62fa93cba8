import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { audit } from '@/lib/audit';
import { openDatabase } from '@/lib/db/connect';
import { auditLog } from '@/lib/db/schema';
import { appContext } from '@/lib/server/context';
import { verifyAuditChain } from './chain';

const url = process.env.DATABASE_URL;

describe.skipIf(!url)('the hash chain under concurrent inserts (Postgres)', () => {
  it('two instances inserting at once, in transactions of their own, keep one unbroken chain', { timeout: 60_000 }, async () => {
    await appContext();
    const [first, second] = await Promise.all([openDatabase({ url, pgliteDir: '' }), openDatabase({ url, pgliteDir: '' })]);
    const instances = [first, second];
    const run = crypto.randomUUID();
    const subjects = instances.map((_, i) => `${run}-${i}`);
    try {
      await Promise.all(
        instances.map(({ db }, i) =>
          Promise.all(
            Array.from({ length: 60 }, (_, n) =>
              n % 2
                ? audit(db, { actor: `instance-${i}`, action: 'retention.deleted', subject: subjects[i], details: { n } })
                : db.transaction(async (tx) => {
                    await audit(tx, { actor: `instance-${i}`, action: 'retention.deleted', subject: subjects[i], details: { n } });
                    await audit(tx, { actor: `instance-${i}`, action: 'audit.exported', subject: subjects[i], details: { n } });
                  }),
            ),
          ),
        ),
      );
      const rows = await first.db.select().from(auditLog).where(inArray(auditLog.subject, subjects)).orderBy(auditLog.seq);
      expect(rows).toHaveLength(2 * 90);
      expect(new Set(rows.map((r) => r.prevHash)).size).toBe(rows.length);
      const report = await verifyAuditChain(first.db);
      expect(report.firstBreak).toBeNull();
      expect(report.checked).toBeGreaterThanOrEqual(rows.length);
    } finally {
      await Promise.all(instances.map((d) => d.close()));
    }
  });
});
