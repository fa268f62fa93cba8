import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { rowsOf } from '@/lib/db/rows';
import { accountIndex, accountIndexState } from '@/lib/db/schema';
import type { Account } from '@/lib/domain/accounts';
import { bumpIndexVersion, scanIndex } from './index-memory';
import { foldText, type SearchableAccount } from './match-accounts';

/**
 * The account index's rows and its bookkeeping row (lib/db/tables/account-index.ts): what staff
 * search reads instead of Fenerum, and what the refresh (index-refresh.ts) writes. Plain database
 * work, no Fenerum call here.
 */

const STATE_ID = 'fenerum';
export type IndexState = typeof accountIndexState.$inferSelect;

/** What a search's LIKE runs over: code, name and addresses folded, one a line (a query holds no line break). */
export function searchTextOf(a: { code: string; name: string; emails: readonly string[] }): string {
  return [a.code, a.name, ...a.emails].map((t) => foldText(t).replace(/[\r\n]+/g, ' ')).join('\n');
}

/**
 * The indexed accounts whose code, name or an address holds the folded query, exact and prefix
 * codes first, at most `limit` (match-accounts.ts ranks them as before). Read from this
 * process's copy of the index (index-memory.ts), not the database.
 */
export async function findIndexed(db: Db, query: string, limit: number): Promise<SearchableAccount[]> {
  const q = foldText(query);
  if (!q) return [];
  const order = (a: SearchableAccount) => {
    const code = foldText(a.code);
    return code === q ? 0 : code.startsWith(q) ? 1 : 2;
  };
  const found = await scanIndex(db, q);
  if (found.length <= limit) return found;
  return found.sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name)).slice(0, limit);
}

/** Indexed accounts by uuid (a card's account), without asking Fenerum. */
export async function indexedByUuid(db: Db, uuids: readonly string[]): Promise<Map<string, Account>> {
  if (uuids.length === 0) return new Map();
  const rows = await db
    .select({ uuid: accountIndex.uuid, code: accountIndex.code, name: accountIndex.name })
    .from(accountIndex)
    .where(
      inArray(
        accountIndex.uuid,
        uuids.map((u) => u.toLowerCase()),
      ),
    );
  return new Map(rows.map((r) => [r.uuid, r]));
}

/** How many accounts the index holds. */
export async function indexSize(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(accountIndex);
  return row?.n ?? 0;
}

/**
 * Accounts as Fenerum listed them, written in. `recipients`: `keep` leaves their addresses as
 * they are (a full refresh reads recipients in its own phase; a new row starts with none, marked
 * read), `reread` marks a new row, or one whose recipients were read before `readBefore`, to have
 * them read (an account that changed). Answers the uuids now waiting for their recipients.
 */
export async function upsertAccounts(
  db: Db,
  accounts: readonly Account[],
  at: Date,
  recipients: { mode: 'keep' } | { mode: 'reread'; readBefore: Date },
): Promise<string[]> {
  const unique = [...new Map(accounts.map((a) => [a.uuid.toLowerCase(), a])).values()];
  const waiting: string[] = [];
  for (let i = 0; i < unique.length; i += 500) {
    const batch = unique.slice(i, i + 500);
    const values = batch.map((a) => ({
      uuid: a.uuid.toLowerCase(),
      code: a.code,
      codeKey: foldText(a.code),
      name: a.name,
      emails: [] as string[],
      searchText: searchTextOf({ ...a, emails: [] }),
      seenAt: at,
      recipientsReadAt: recipients.mode === 'keep' ? at : null,
    }));
    const reread =
      recipients.mode === 'reread'
        ? sql`case when ${accountIndex.recipientsReadAt} < ${recipients.readBefore.toISOString()}::timestamptz then null else ${accountIndex.recipientsReadAt} end`
        : sql`${accountIndex.recipientsReadAt}`;
    const rows = await db
      .insert(accountIndex)
      .values(values)
      .onConflictDoUpdate({
        target: accountIndex.uuid,
        set: {
          code: sql`excluded.code`,
          codeKey: sql`excluded.code_key`,
          name: sql`excluded.name`,
          // Code and name from Fenerum (its first two lines), the addresses kept (the lines after them).
          searchText: sql`excluded.search_text || regexp_replace(${accountIndex.searchText}, ${'^[^\\n]*\\n[^\\n]*'}, '')`,
          seenAt: sql`excluded.seen_at`,
          recipientsReadAt: reread,
        },
      })
      .returning({ uuid: accountIndex.uuid, recipientsReadAt: accountIndex.recipientsReadAt });
    waiting.push(...rows.filter((r) => r.recipientsReadAt === null).map((r) => r.uuid));
  }
  if (unique.length > 0) await bumpIndexVersion(db);
  return waiting;
}

/** An account's recipients' addresses, read now. */
export async function setEmails(db: Db, uuid: string, emails: readonly string[], at: Date): Promise<void> {
  const [row] = await db.select({ code: accountIndex.code, name: accountIndex.name }).from(accountIndex).where(eq(accountIndex.uuid, uuid));
  if (!row) return;
  const unique = [...new Set(emails)];
  await db
    .update(accountIndex)
    .set({ emails: unique, searchText: searchTextOf({ ...row, emails: unique }), recipientsReadAt: at })
    .where(eq(accountIndex.uuid, uuid));
  await bumpIndexVersion(db);
}

/** Accounts waiting for their recipients, most recently seen first. */
export async function waitingForRecipients(db: Db, limit: number): Promise<Array<{ uuid: string; code: string }>> {
  return db
    .select({ uuid: accountIndex.uuid, code: accountIndex.code })
    .from(accountIndex)
    .where(isNull(accountIndex.recipientsReadAt))
    .orderBy(sql`${accountIndex.seenAt} desc`)
    .limit(limit);
}

export async function countWaitingForRecipients(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(accountIndex)
    .where(isNull(accountIndex.recipientsReadAt));
  return row?.n ?? 0;
}

/** A full refresh's recipients phase begins: every row collects its addresses afresh. */
export async function startCollectingEmails(db: Db): Promise<void> {
  await db.update(accountIndex).set({ pendingEmails: [] });
}

/**
 * A page of every account's recipients, added to what each account has collected. A recipient
 * names its account by uuid or by code (which one Fenerum sends is unconfirmed): both are tried.
 */
export async function collectEmails(db: Db, recipients: ReadonlyArray<{ account: string; email: string }>): Promise<void> {
  const byKey = new Map<string, string[]>();
  for (const r of recipients) byKey.set(r.account.toLowerCase(), [...(byKey.get(r.account.toLowerCase()) ?? []), r.email]);
  if (byKey.size === 0) return;
  const payload = JSON.stringify([...byKey].map(([key, emails]) => ({ key, emails })));
  for (const column of [sql`a.uuid`, sql`lower(a.code)`]) {
    await db.execute(sql`
      update account_index a set pending_emails = coalesce(a.pending_emails, '[]'::jsonb) || v.emails
      from jsonb_to_recordset(${payload}::jsonb) as v(key text, emails jsonb)
      where ${column} = v.key`);
  }
}

/**
 * A full refresh's recipients phase has ended: each account's addresses are what it collected
 * (and, for one whose recipients were read one by one since `startedAt`, those too); an account
 * that collected nothing (indexed after the phase began) keeps its own.
 */
export async function finishCollectingEmails(db: Db, startedAt: Date, at: Date): Promise<void> {
  type Row = { uuid: string; code: string; name: string; emails: string[]; pending_emails: string[] | null; recipients_read_at: string | Date | null };
  const rows = rowsOf<Row>(await db.execute(sql`select uuid, code, name, emails, pending_emails, recipients_read_at from account_index`));
  const changed = rows.flatMap((r) => {
    if (r.pending_emails === null) return [];
    const readSince = r.recipients_read_at !== null && new Date(r.recipients_read_at) > startedAt;
    const emails = [...new Set([...r.pending_emails, ...(readSince ? r.emails : [])])];
    return [{ uuid: r.uuid, emails, search_text: searchTextOf({ code: r.code, name: r.name, emails }) }];
  });
  for (let i = 0; i < changed.length; i += 1000) {
    await db.execute(sql`
      update account_index a set emails = v.emails, search_text = v.search_text, pending_emails = null,
        recipients_read_at = coalesce(a.recipients_read_at, ${at.toISOString()}::timestamptz)
      from jsonb_to_recordset(${JSON.stringify(changed.slice(i, i + 1000))}::jsonb) as v(uuid text, emails jsonb, search_text text)
      where a.uuid = v.uuid`);
  }
  await bumpIndexVersion(db);
}

/** Rows a full refresh that began at `startedAt` did not see: gone from Fenerum, or skipped by a page that shifted. */
/**
 * Accounts a full refresh did not see, the most recently seen first: a pass asks after a few, and
 * one seen a moment ago and missing now is the likeliest just deleted (and still searched for);
 * rows left from a Fenerum this database no longer talks to come last.
 */
export async function unseenSince(db: Db, startedAt: Date, limit: number): Promise<Array<{ uuid: string; code: string }>> {
  return db
    .select({ uuid: accountIndex.uuid, code: accountIndex.code })
    .from(accountIndex)
    .where(lt(accountIndex.seenAt, startedAt))
    .orderBy(desc(accountIndex.seenAt), accountIndex.uuid)
    .limit(limit);
}

export async function deleteIndexed(db: Db, uuid: string): Promise<void> {
  await db.delete(accountIndex).where(eq(accountIndex.uuid, uuid));
  await bumpIndexVersion(db);
}

export async function readIndexState(db: Db): Promise<IndexState | null> {
  const [row] = await db.select().from(accountIndexState).where(eq(accountIndexState.id, STATE_ID));
  return row ?? null;
}

/**
 * The refresh's lease: one holder at a time across every instance on this database; a lease
 * that ran out (its instance died) is taken over. Answers the state row, or null when another
 * instance holds it.
 */
export async function takeLease(db: Db, holder: string, now: Date, leaseMs: number): Promise<IndexState | null> {
  await db.insert(accountIndexState).values({ id: STATE_ID }).onConflictDoNothing();
  const [row] = await db
    .update(accountIndexState)
    .set({ leaseHolder: holder, leaseUntil: new Date(now.getTime() + leaseMs) })
    .where(
      and(
        eq(accountIndexState.id, STATE_ID),
        or(isNull(accountIndexState.leaseUntil), lt(accountIndexState.leaseUntil, now), eq(accountIndexState.leaseHolder, holder)),
      ),
    )
    .returning();
  return row ?? null;
}

export async function releaseLease(db: Db, holder: string): Promise<void> {
  await db
    .update(accountIndexState)
    .set({ leaseHolder: null, leaseUntil: null })
    .where(and(eq(accountIndexState.id, STATE_ID), eq(accountIndexState.leaseHolder, holder)));
}

/** The bookkeeping row changed (the lease holder's writes). */
export async function updateIndexState(db: Db, patch: Partial<Omit<IndexState, 'id' | 'leaseHolder' | 'leaseUntil'>>): Promise<void> {
  await db.update(accountIndexState).set(patch).where(eq(accountIndexState.id, STATE_ID));
}

/** The incremental refresh's watermark moves forward only (two refreshes may finish in either order). */
export async function advanceWatermark(db: Db, to: Date): Promise<void> {
  await db.insert(accountIndexState).values({ id: STATE_ID }).onConflictDoNothing();
  await db
    .update(accountIndexState)
    .set({ modifiedSince: sql`greatest(${accountIndexState.modifiedSince}, ${to.toISOString()}::timestamptz)` })
    .where(and(eq(accountIndexState.id, STATE_ID), sql`${accountIndexState.modifiedSince} is not null`));
}
