import { eq, and, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { rowsOf } from '@/lib/db/rows';
import { registrations } from '@/lib/db/schema';
import type { Registration } from './store';

/**
 * Marks up to `limit` setups started more than `olderThanHours` ago and never finished as
 * `expired`, and returns them. Several instances may call this at once: each row goes to
 * exactly one of them (FOR UPDATE SKIP LOCKED), like the registration queue.
 */
export async function claimStaleStarts(db: Db, opts: { olderThanHours: number; limit: number }): Promise<Registration[]> {
  const age = `${opts.olderThanHours} hours`;
  const result = await db.execute(sql`
    update registrations set status = 'expired', updated_at = now()
    where id in (
      select id from registrations
      where status = 'started' and created_at < now() - ${age}::interval
      order by created_at limit ${opts.limit}
      for update skip locked)
    returning id`);
  const ids = rowsOf<{ id: string }>(result).map((r) => r.id);
  if (ids.length === 0) return [];
  return db.select().from(registrations).where(inArray(registrations.id, ids));
}

/** The provider could not be told (an outage): back to `started`, so the next run tries again. */
export async function reopenStart(db: Db, id: string): Promise<void> {
  await db
    .update(registrations)
    .set({ status: 'started', updatedAt: sql`now()` })
    .where(and(eq(registrations.id, id), eq(registrations.status, 'expired')));
}
