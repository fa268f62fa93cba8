import { and, eq, gt, or, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { staffSignInAttempts } from '@/lib/db/schema';
import { addressKey } from './address-key';

/** Ten failures in fifteen minutes for one email, and that email is held back. */
export const ATTEMPT_LIMIT = { failures: 10, windowMinutes: 15 } as const;
/**
 * Fifty for one address, across emails: an office (or a test run) shares one address, and a
 * password-spraying client is still held back after fifty guesses, ten at most per email.
 */
export const ADDRESS_LIMIT = { failures: 50, windowMinutes: 15 } as const;

/** Seconds until the oldest failure in the window leaves it, given the failures counted. */
export function holdBackSeconds(
  failures: number,
  oldestMs: number | null,
  nowMs: number,
  limit: { failures: number; windowMinutes: number } = ATTEMPT_LIMIT,
): number | null {
  if (failures < limit.failures || oldestMs === null) return null;
  const until = oldestMs + limit.windowMinutes * 60_000;
  return Math.max(1, Math.ceil((until - nowMs) / 1000));
}

/** Who is trying: the email (normalized) and the client's address (counted by addressKey: an IPv6 /64). */
export type Attempter = { email: string; ip: string | null };
export type Attempt<T> = { kind: 'held'; seconds: number } | { kind: 'checked'; value: T | null };

/** Any fixed numbers: the advisory-lock namespaces of the per-email and per-address counts (setup-budget.ts has ...002). */
const EMAIL_LOCK_SPACE = 727_274_003;
const ADDRESS_LOCK_SPACE = 727_274_004;

/**
 * Runs `check` (a password or a code) only when this attempt, counted first, is within both
 * limits. Under a transaction lock on the email and one on the address (every instance on the
 * database takes the same locks; PGlite runs one transaction at a time anyway), the failures in the
 * window are counted and, when both are under their limits, a reservation is inserted: a failure
 * until proven otherwise. Then `check` runs, outside the transaction. One that succeeds (returns a
 * value) releases its reservation, so signing in never counts against anyone; one that fails
 * (null) or throws stays counted. Over a limit, nothing is written and nothing is checked.
 *
 * So a burst of parallel guesses is counted one by one: the eleventh finds ten reservations,
 * whether or not their checks have finished. (A count without the lock would not do: on Postgres
 * each statement sees only what committed before it began, so a burst would see nothing.) The
 * email's lock is taken before the address's, always: two attempts cannot wait for each other.
 */
export async function limitedAttempt<T>(db: Db, who: Attempter, nowMs: number, check: () => Promise<T | null>): Promise<Attempt<T>> {
  const ip = addressKey(who.ip);
  const reserved = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${EMAIL_LOCK_SPACE}, hashtext(${who.email}))`);
    if (ip) await tx.execute(sql`select pg_advisory_xact_lock(${ADDRESS_LOCK_SPACE}, hashtext(${ip}))`);
    const wait = await heldBackFor(tx, who.email, ip, nowMs);
    if (wait !== null) return { held: wait, id: null };
    const [row] = await tx
      .insert(staffSignInAttempts)
      .values({ email: who.email, ip, succeeded: false, createdAt: new Date(nowMs) })
      .returning({ id: staffSignInAttempts.id });
    if (!row) throw new Error('the sign-in attempt was not recorded');
    return { held: null, id: row.id };
  });
  if (reserved.id === null) return { kind: 'held', seconds: reserved.held ?? 1 };
  const value = await check();
  if (value !== null) await db.update(staffSignInAttempts).set({ succeeded: true }).where(eq(staffSignInAttempts.id, reserved.id));
  return { kind: 'checked', value };
}

/** Seconds this email or this address key must wait, or null when it may try: failures in the window (reservations included), one statement. */
async function heldBackFor(db: Pick<Db, 'select'>, email: string, ip: string | null, nowMs: number): Promise<number | null> {
  const since = new Date(nowMs - ATTEMPT_LIMIT.windowMinutes * 60_000);
  const t = staffSignInAttempts;
  const byEmail = eq(t.email, email);
  const byIp = ip ? eq(t.ip, ip) : sql`false`;
  const [row] = await db
    .select({
      email: sql<number>`count(*) filter (where ${byEmail})`.mapWith(Number),
      emailOldest: sql<number | null>`extract(epoch from min(${t.createdAt}) filter (where ${byEmail})) * 1000`.mapWith(Number),
      ip: sql<number>`count(*) filter (where ${byIp})`.mapWith(Number),
      ipOldest: sql<number | null>`extract(epoch from min(${t.createdAt}) filter (where ${byIp})) * 1000`.mapWith(Number),
    })
    .from(t)
    .where(and(or(byEmail, byIp), eq(t.succeeded, false), gt(t.createdAt, since)));
  const waits = [
    holdBackSeconds(row?.email ?? 0, row?.emailOldest ?? null, nowMs),
    ip ? holdBackSeconds(row?.ip ?? 0, row?.ipOldest ?? null, nowMs, ADDRESS_LIMIT) : null,
  ].filter((w): w is number => w !== null);
  return waits.length ? Math.max(...waits) : null;
}

/** A finished attempt, written as it was (tests and the prune job's test set up history with it). */
export async function recordAttempt(db: Db, email: string, ip: string | null, succeeded: boolean, nowMs: number): Promise<void> {
  await db.insert(staffSignInAttempts).values({ email, ip: addressKey(ip), succeeded, createdAt: new Date(nowMs) });
}
