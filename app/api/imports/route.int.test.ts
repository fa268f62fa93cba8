import { count, eq, inArray, like, or } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditLog, cardImportRows, cardImports, registrations } from '@/lib/db/schema';
import { sandboxSecrets } from '@/lib/env/sandbox-defaults';
import { appContext } from '@/lib/server/context';
import { existingQuickpaySubscription } from '@/test/support/import-fixtures';
import { freshAccount } from '@/test/support/sandbox-control';
import { GET } from './[id]/route';
import { POST } from './route';

const url = 'http://localhost:3999/api/imports';
const auth = { Authorization: `Bearer ${sandboxSecrets.PORTAL_API_KEY}`, 'Content-Type': 'application/json' };
const post = (body: string, headers: Record<string, string> = auth) => POST(new Request(url, { method: 'POST', headers, body }));
const file = (text: string | Buffer) => Buffer.from(text).toString('base64');

/**
 * What this API writes: imports made by `api` / `api:<by>`, the registrations they queued, and
 * `api` audit rows. On Postgres the integration files share one database and others write imports,
 * registrations and audit rows at the same time, so "writes nothing" is judged by this API's rows.
 */
async function rows() {
  const db = (await appContext()).db;
  const byApi = or(eq(cardImports.createdBy, 'api'), like(cardImports.createdBy, 'api:%'));
  const [[imports], [regs], [entries]] = await Promise.all([
    db.select({ n: count() }).from(cardImports).where(byApi),
    db
      .select({ n: count() })
      .from(registrations)
      .where(
        inArray(
          registrations.id,
          db
            .select({ id: cardImportRows.registrationId })
            .from(cardImportRows)
            .innerJoin(cardImports, eq(cardImports.id, cardImportRows.importId))
            .where(byApi),
        ),
      ),
    db
      .select({ n: count() })
      .from(auditLog)
      .where(or(eq(auditLog.actor, 'api'), like(auditLog.actor, 'api:%'))),
  ]);
  return { imports: imports?.n ?? 0, registrations: regs?.n ?? 0, audit: entries?.n ?? 0 };
}

describe('POST /api/imports (npm run import)', () => {
  let before: Awaited<ReturnType<typeof rows>>;
  beforeEach(async () => {
    before = await rows();
  });

  it('a dry run answers every row and writes nothing; the real run queues, audits, and its progress is readable', async () => {
    const account = await freshAccount();
    const saved = await existingQuickpaySubscription();
    const csv = `account,gateway,token\n${account},quickpay,${saved}\n${account},quickpay,pm_1\n`;
    const dry = await post(JSON.stringify({ fileName: 'cards.csv', content: file(csv), dryRun: true }));
    expect(dry.status).toBe(200);
    expect(await dry.json()).toEqual({
      ok: 1,
      bad: 1,
      rows: [
        { line: 2, account, gateway: 'quickpay', token: saved, ok: true },
        {
          line: 3,
          account,
          gateway: 'quickpay',
          token: 'pm_1',
          ok: false,
          reason: 'token-format',
          sentence: 'The token does not fit the gateway (stripe_new: pm_…; quickpay: the subscription id, a number)',
        },
      ],
    });
    expect(await rows()).toEqual(before);

    const run = await post(JSON.stringify({ fileName: 'cards.csv', content: file(csv), by: 'tester' }));
    expect(run.status).toBe(201);
    const started = (await run.json()) as { id: string; queued: number; rejected: unknown[] };
    expect(started).toMatchObject({ queued: 1, known: 0, rejected: [{ line: 3, reason: 'token-format' }] });
    expect(await rows()).toEqual({ imports: before.imports + 1, registrations: before.registrations + 1, audit: before.audit + 1 });
    const progress = await GET(new Request(`${url}/${started.id}`, { headers: auth }), { params: Promise.resolve({ id: started.id }) });
    expect(progress.status).toBe(200);
    expect(await progress.json()).toMatchObject({ rows: 2, failed: 1, done: 0, left: 1 });
  });

  it.each([
    [
      'no key',
      JSON.stringify({ fileName: 'a.csv', content: file('account,gateway,token\nA,quickpay,1') }),
      { 'Content-Type': 'application/json' },
      401,
      'unauthenticated',
    ],
    ['not JSON', 'account,gateway,token', { ...auth, 'Content-Type': 'text/csv' }, 415, 'unsupported-type'],
    ['content not base64', JSON.stringify({ fileName: 'a.csv', content: 'not base64!' }), auth, 400, 'invalid-input'],
    ['a number as the file name', JSON.stringify({ fileName: 7, content: file('x') }), auth, 400, 'invalid-input'],
    ['dryRun as text', JSON.stringify({ fileName: 'a.csv', content: file('x'), dryRun: 'yes' }), auth, 400, 'invalid-input'],
    ['a body over the size limit', JSON.stringify({ fileName: 'a.csv', content: 'A'.repeat(1_500_000) }), auth, 413, 'too-large'],
    ['a malformed file', JSON.stringify({ fileName: 'a.csv', content: file('account,gateway,token\nA,quickpay\n') }), auth, 400, 'invalid-input'],
    ['a formula in a cell', JSON.stringify({ fileName: 'a.csv', content: file('account,gateway,token\r\nA,quickpay,"+1"\r\n') }), auth, 400, 'invalid-input'],
    ['garbage bytes', JSON.stringify({ fileName: 'a.csv', content: file(Buffer.from([0xff, 0xfe, 0, 1, 2])) }), auth, 400, 'invalid-input'],
  ])('refuses %s with a 4xx, {error, code}, and writes nothing', async (_, body, headers, status, code) => {
    const res = await post(body, headers);
    expect(res.status).toBe(status);
    const answer = (await res.json()) as { error: string; code: string };
    expect(answer.code).toBe(code);
    expect(answer.error.length).toBeGreaterThan(5);
    expect(await rows()).toEqual(before);
  });

  it('names the first bad line of a malformed file', async () => {
    const res = await post(JSON.stringify({ fileName: 'a.csv', content: file('\uFEFFaccount,gateway,token\r\nA,quickpay,1\r\nB,quickpay,2,3\r\n') }));
    expect(await res.json()).toEqual({
      code: 'invalid-input',
      error: 'Line 3 is malformed: it has 4 cells, and every line needs as many as the header. Nothing was imported.',
    });
  });
});
