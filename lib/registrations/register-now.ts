import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { registrations } from '@/lib/db/schema';
import { attemptRegistration, type AttemptOutcome, type FenerumCards } from './attempt';
import { claimRegistrations, type Registration } from './store';
import { attemptDeps } from './worker';

export type RegisterNowResult = { status: 'registered' | 'pending' | 'failed'; registration: Registration };

/**
 * The customer is waiting: try this registration at once instead of leaving it to the worker.
 * If another request or the worker holds it, wait a moment for their outcome. Whatever
 * happens, the row stays queued until Fenerum has the card, so nothing is lost.
 */
export async function registerNow(db: Db, fenerum: FenerumCards, id: string, waitMs = 4_000): Promise<RegisterNowResult> {
  const [claimed] = await claimRegistrations(db, { limit: 1, id });
  let outcome: AttemptOutcome | undefined;
  if (claimed) outcome = await attemptRegistration(attemptDeps(db, fenerum), claimed);

  const until = Date.now() + (outcome ? 0 : waitMs);
  for (;;) {
    const [row] = await db.select().from(registrations).where(eq(registrations.id, id)).limit(1);
    if (!row) throw new Error(`registration ${id} not found`);
    if (row.status === 'registered' || row.status === 'failed') return { status: row.status, registration: row };
    if (Date.now() >= until) return { status: 'pending', registration: row };
    await new Promise((r) => setTimeout(r, 150));
  }
}
