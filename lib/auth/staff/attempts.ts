import { and, count, eq, gt, min } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { staffSignInAttempts } from '@/lib/db/schema';

/** Ten failures in fifteen minutes, per email and per address, and that one is held back. */
export const ATTEMPT_LIMIT = { failures: 10, windowMinutes: 15 } as const;

/** Seconds until the oldest failure in the window leaves it, given the failures counted. */
export function holdBackSeconds(failures: number, oldestMs: number | null, nowMs: number, limit = ATTEMPT_LIMIT): number | null {
  if (failures < limit.failures || oldestMs === null) return null;
  const until = oldestMs + limit.windowMinutes * 60_000;
  return Math.max(1, Math.ceil((until - nowMs) / 1000));
}

async function failuresSince(db: Db, where: ReturnType<typeof eq>, since: Date) {
  const [row] = await db
    .select({ n: count(), oldest: min(staffSignInAttempts.createdAt) })
    .from(staffSignInAttempts)
    .where(and(where, eq(staffSignInAttempts.succeeded, false), gt(staffSignInAttempts.createdAt, since)));
  return { n: row?.n ?? 0, oldest: row?.oldest ? new Date(row.oldest).getTime() : null };
}

/** Seconds this email or this address must wait, or null when it may try. */
export async function heldBackFor(db: Db, email: string, ip: string | null, nowMs: number): Promise<number | null> {
  const since = new Date(nowMs - ATTEMPT_LIMIT.windowMinutes * 60_000);
  const byEmail = await failuresSince(db, eq(staffSignInAttempts.email, email), since);
  const waits = [holdBackSeconds(byEmail.n, byEmail.oldest, nowMs)];
  if (ip) {
    const byIp = await failuresSince(db, eq(staffSignInAttempts.ip, ip), since);
    waits.push(holdBackSeconds(byIp.n, byIp.oldest, nowMs));
  }
  const held = waits.filter((w): w is number => w !== null);
  return held.length ? Math.max(...held) : null;
}

export async function recordAttempt(db: Db, email: string, ip: string | null, succeeded: boolean, nowMs: number): Promise<void> {
  await db.insert(staffSignInAttempts).values({ email, ip, succeeded, createdAt: new Date(nowMs) });
}
