import type { Actor } from '@/lib/fenerum/types';
import { attemptRegistration, type AttemptDeps, type AttemptOutcome } from './attempt';
import { claimRegistrations, getRegistration, type Registration } from './store';

export type RegisterNowResult = { status: 'registered' | 'pending' | 'failed'; registration: Registration };

/**
 * The customer is waiting: try this registration at once instead of leaving it to the worker.
 * If another request or the worker holds it, wait up to `waitMs` for their outcome. Whatever
 * happens, the row stays queued until Fenerum has the card, so nothing is lost. `actor`: the
 * staff member who asked (their email goes to Fenerum as X-User).
 */
export async function registerNow(deps: AttemptDeps, id: string, waitMs: number, actor?: Actor): Promise<RegisterNowResult> {
  const [claimed] = await claimRegistrations(deps.db, { limit: 1, id });
  let outcome: AttemptOutcome | undefined;
  if (claimed) outcome = await attemptRegistration(deps, claimed, actor);

  const until = Date.now() + (outcome ? 0 : waitMs);
  for (;;) {
    const row = await getRegistration(deps.db, id);
    if (!row) throw new Error(`registration ${id} not found`);
    if (row.status === 'registered' || row.status === 'failed') return { status: row.status, registration: row };
    if (Date.now() >= until) return { status: 'pending', registration: row };
    await new Promise((r) => setTimeout(r, 150));
  }
}
