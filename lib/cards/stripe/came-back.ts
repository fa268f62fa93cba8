import type { CardSummary } from '@/lib/domain/cards';
import { isRefused, refused, type Refused } from '@/lib/domain/outcomes';
import type { Registrar } from '@/lib/registrations/registrar';
import { cardSummaryOf } from '@/lib/registrations/store';
import { verifySetupIntent, type VerifyDeps } from './verify-setup-intent';

/**
 * Where a Stripe card setup stands once the customer is back (from confirmSetup or Stripe's
 * redirect). Each kind that is not `saved` carries the refusal, if any, that says why:
 * POST /api/register-payment-card answers it; the return page shows its own page per kind.
 */
export type SetupCameBack =
  /** Fenerum has the card. */
  | { kind: 'saved'; card: CardSummary | null }
  /** Queued, or not confirmed by Stripe yet (SEPA can stay "processing" a while): ask again. */
  | { kind: 'finishing'; card: CardSummary | null; refusal?: Refused }
  /** Stripe gave no card to register, or Fenerum refused it for good. */
  | { kind: 'failed'; refusal: Refused }
  /** Not a setup of this account's. */
  | { kind: 'unknown'; refusal: Refused };

export type CameBackDeps = VerifyDeps & { registrar: Pick<Registrar, 'tryNow'> };

/** How long the customer waits on Fenerum before the page says "finishing". */
const WAIT_MS = 4_000;

/** The customer is back from a Stripe setup: the SetupIntent is checked with Stripe, then Fenerum is tried while they wait. */
export async function stripeSetupCameBack(deps: CameBackDeps, account: string, setupIntentId: string): Promise<SetupCameBack> {
  const verified = await verifySetupIntent(deps, setupIntentId, account);
  if (isRefused(verified)) {
    if (verified.reason === 'not-confirmed') return { kind: 'finishing', card: null, refusal: verified };
    if (verified.reason === 'no-payment-method') return { kind: 'failed', refusal: verified };
    return { kind: 'unknown', refusal: verified };
  }
  const tried = await deps.registrar.tryNow(verified.registration.id, WAIT_MS);
  if (tried.status === 'failed') return { kind: 'failed', refusal: refused('card-refused') };
  const card = cardSummaryOf(tried.registration);
  return tried.status === 'registered' ? { kind: 'saved', card } : { kind: 'finishing', card };
}
