import { audit } from '@/lib/audit';
import type { Db } from '@/lib/db/connect';
import { refused, type Refused } from '@/lib/domain/outcomes';
import type { Actor } from '@/lib/fenerum/types';
import type { Registrar } from '@/lib/registrations/registrar';
import { getRegistration, requeueRegistration } from '@/lib/registrations/store';

/** How long the operator's click waits for Fenerum's answer before the page says "still queued". */
const RETRY_WAIT_MS = 4_000;

export type RetryDeps = { db: Db; registrar: Pick<Registrar, 'tryNow'> };
export type RetryOutcome = { status: 'registered' | 'pending' | 'failed'; lastError: string | null };

/**
 * "Retry now" on a card added through the portal that failed or is still waiting: back in the
 * queue and tried at once through the registrar (the one way a card reaches Fenerum) with the
 * operator's email as Fenerum's X-User, audited.
 * A registration of another account, or one already registered, is refused and left alone.
 */
export async function retryRegistration(
  deps: RetryDeps,
  input: { accountCode: string; registrationId: string; actor: Actor; ip?: string | null },
): Promise<RetryOutcome | Refused> {
  const reg = await getRegistration(deps.db, input.registrationId);
  if (!reg) return refused('not-found', 'noSuchRegistration');
  if (reg.accountCode !== input.accountCode) return refused('other-account', 'registrationOtherAccount');
  if (reg.status === 'registered') return refused('invalid-input', 'registrationDone');
  if (!reg.token || (reg.status !== 'failed' && reg.status !== 'queued')) {
    return refused('invalid-input', 'registrationUnfinished');
  }
  const queued = await requeueRegistration(deps.db, reg.id);
  if (!queued) return refused('invalid-input', 'registrationChanged');
  await audit(deps.db, {
    actor: input.actor.email,
    action: 'card.registration_retried',
    accountCode: reg.accountCode,
    subject: reg.providerRef,
    details: { registrationId: reg.id, previousStatus: reg.status },
    ip: input.ip,
  });
  // Fenerum is asked in the operator's name (X-User), as for every write a person triggers.
  const result = await deps.registrar.tryNow(reg.id, RETRY_WAIT_MS, input.actor);
  return { status: result.status, lastError: result.registration.lastError };
}
