import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { audit } from '@/lib/audit';
import { auditLog } from '@/lib/db/schema';
import { appContext } from '@/lib/server/context';
import { verifyAuditChain } from '@/lib/audit-log/chain';
import { exportAuditCsv } from './export';
import { listAuditRows } from './query';

const unique = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

async function seedAccount() {
  const { db } = await appContext();
  const account = unique('ACC');
  const actor = unique('Ops_100%');
  await audit(db, { actor, action: 'card.disabled', accountCode: account, subject: 'card-1' });
  await audit(db, { actor, action: 'card.registered', accountCode: account, subject: 'card-2' });
  await audit(db, { actor: 'system', action: 'link.issued', accountCode: account, subject: 'link-1' });
  // An action this version does not write (an older row): filtered like any other.
  await db.insert(auditLog).values({ actor, action: 'card.disabled_extra', accountCode: account, subject: 'card-3' });
  return { db, account, actor };
}

describe('listAuditRows', () => {
  it('filters by account, by staff user (contains, any case, % taken literally) and by action (exact or a prefix)', async () => {
    const { db, account, actor } = await seedAccount();
    const subjects = async (filters: Parameters<typeof listAuditRows>[1]) => (await listAuditRows(db, { account, ...filters }, {})).rows.map((r) => r.subject);
    expect(await subjects({})).toEqual(['card-3', 'link-1', 'card-2', 'card-1']);
    expect(await subjects({ actor: actor.toUpperCase().slice(0, 12) })).toEqual(['card-3', 'card-2', 'card-1']);
    expect(await subjects({ actor: 'ops_100x' })).toEqual([]);
    expect(await subjects({ action: 'card.disabled' })).toEqual(['card-1']);
    expect(await subjects({ action: 'card' })).toEqual(['card-3', 'card-2', 'card-1']);
    expect(await subjects({ action: 'car' })).toEqual([]);
    expect((await listAuditRows(db, { account: `${account}x` }, {})).rows).toEqual([]);
  });

  it('a day range is Copenhagen days, both ends included', async () => {
    const { db } = await appContext();
    const account = unique('DAY');
    const at = (iso: string, subject: string) =>
      db.insert(auditLog).values({ actor: 'system', action: 'test.day', accountCode: account, subject, at: new Date(iso) });
    await at('2026-06-30T21:59:59Z', 'june-30-late'); // 23:59:59 in Copenhagen (summer time)
    await at('2026-06-30T22:00:00Z', 'july-1-first'); // 00:00 on 1 July in Copenhagen
    await at('2026-07-01T21:59:59Z', 'july-1-last');
    await at('2026-07-01T22:00:00Z', 'july-2');
    const subjects = async (from?: string, to?: string) => (await listAuditRows(db, { account, from, to }, {})).rows.map((r) => r.subject);
    expect(await subjects('2026-07-01', '2026-07-01')).toEqual(['july-1-last', 'july-1-first']);
    expect(await subjects('2026-07-02')).toEqual(['july-2']);
    expect(await subjects(undefined, '2026-06-30')).toEqual(['june-30-late']);
  });

  it('pages newest first by the chain order, older and back to newer', async () => {
    const { db, account } = await seedAccount();
    const first = await listAuditRows(db, { account }, {}, 3);
    expect(first.rows.map((r) => r.subject)).toEqual(['card-3', 'link-1', 'card-2']);
    expect(first.newerThan).toBeNull();
    const second = await listAuditRows(db, { account }, { before: first.olderThan ?? 0 }, 3);
    expect(second.rows.map((r) => r.subject)).toEqual(['card-1']);
    expect(second.olderThan).toBeNull();
    const back = await listAuditRows(db, { account }, { after: second.newerThan ?? 0 }, 3);
    expect(back.rows.map((r) => r.subject)).toEqual(['card-3', 'link-1', 'card-2']);
    expect(back.newerThan).toBeNull();
  });
});

describe('exportAuditCsv', () => {
  it('streams the filtered rows as CSV with formulas neutralised, and audits the export with its filters', async () => {
    const { db } = await appContext();
    const account = unique('CSV');
    await audit(db, {
      actor: '=cmd|/c calc',
      action: 'card.disabled',
      accountCode: account,
      subject: '@SUM(1)',
      details: { reason: 'a "quoted", reason' },
      ip: '198.51.100.4',
    });
    await audit(db, { actor: 'system', action: 'link.issued', accountCode: account, subject: '+1' });
    const admin = unique('admin');
    const { filename, body } = await exportAuditCsv(db, { account, action: 'card' }, { actor: admin, ip: '192.0.2.1' }, new Date('2026-05-04T12:00:00Z'));
    expect(filename).toBe('audit-log-2026-05-04.csv');
    const bytes = new Uint8Array(await new Response(body).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).split('\r\n');
    expect(lines[0]).toBe('\uFEFF"seq","id","at_utc","at_copenhagen","actor","action","account","subject","ip","details"');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(
      new RegExp(
        `^"\\d+","\\d+","[^"]+Z","[^"]+","'=cmd\\|/c calc","card.disabled","${account}","'@SUM\\(1\\)","198.51.100.4","\\{""reason"":""a \\\\""quoted\\\\"", reason""\\}"$`,
      ),
    );
    expect(lines[2]).toBe('');

    const audited = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actor, admin), eq(auditLog.action, 'audit.exported')));
    expect(audited).toMatchObject([{ ip: '192.0.2.1', details: { filters: { account, action: 'card' } } }]);
    expect((await verifyAuditChain(db)).firstBreak).toBeNull();
  });
});
