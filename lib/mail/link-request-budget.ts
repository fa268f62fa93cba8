import { createHmac } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { linkRequests } from '@/lib/db/schema';

/** "Email me a new link" requests taken on per account, and per address, in any hour. */
export const LINK_REQUESTS_PER_HOUR = 10;

/** Any fixed numbers: the advisory-lock namespaces of one account's, and one address's, requests. */
const ACCOUNT_LOCK_SPACE = 727_274_026;
const ADDRESS_LOCK_SPACE = 727_274_027;

/** An address as compared: trimmed and lower-cased (Fenerum's recipients are matched the same way). */
export const normalAddress = (email: string): string => email.trim().toLowerCase();

/** How an address is kept in the count: a keyed hash (HMAC-SHA256 under the app's secret), never as typed. */
export function addressKey(address: string, secret: string): string {
  return createHmac('sha256', `card-portal:link-request-address:v1\u0000${secret}`).update(normalAddress(address)).digest('base64url');
}

/**
 * An address as an audit line or a log may show it: its first character and its domain
 * ("j•••@example.com"), never the whole of it.
 */
export function maskedAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${address.slice(0, 1)}•••${address.slice(at)}`;
}

export type LinkRequestSlot = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Takes one request on, unless the account or the address has had LINK_REQUESTS_PER_HOUR taken
 * on in the last hour. Counted and inserted under two locks (the account's, then the address's:
 * always in that order, so two requests never wait on each other crosswise), so requests racing
 * in from several instances never pass the cap together. A request held back is not counted.
 */
export async function reserveLinkRequest(db: Db, req: { accountCode: string; addressKey: string }, perHour = LINK_REQUESTS_PER_HOUR): Promise<LinkRequestSlot> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ACCOUNT_LOCK_SPACE}, hashtext(${req.accountCode}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(${ADDRESS_LOCK_SPACE}, hashtext(${req.addressKey}))`);
    const hour = sql`now() - interval '1 hour'`;
    const used = (where: ReturnType<typeof eq>) =>
      tx
        .select({
          count: sql<number>`count(*)::int`,
          retryAfter: sql<number | null>`extract(epoch from (min(${linkRequests.createdAt}) + interval '1 hour' - now()))::float8`,
        })
        .from(linkRequests)
        .where(and(where, gt(linkRequests.createdAt, hour)));
    const [[account], [address]] = await Promise.all([used(eq(linkRequests.accountCode, req.accountCode)), used(eq(linkRequests.addressKey, req.addressKey))]);
    const full = [account, address].filter((u) => (u?.count ?? 0) >= perHour);
    if (full.length > 0) return { ok: false as const, retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...full.map((u) => u?.retryAfter ?? 3600)))) };
    await tx.insert(linkRequests).values({ accountCode: req.accountCode, addressKey: req.addressKey });
    return { ok: true as const };
  });
}

/** Requests older than a day count for nothing; the maintenance job removes them. */
export async function deleteOldLinkRequests(db: Db): Promise<number> {
  const gone = await db
    .delete(linkRequests)
    .where(lt(linkRequests.createdAt, sql`now() - interval '1 day'`))
    .returning({ id: linkRequests.id });
  return gone.length;
}
