import type { CardSummary } from '@/lib/domain/cards';
import { isRefused, type Refused } from '@/lib/domain/outcomes';
import type { Registrar } from '@/lib/registrations/registrar';
import { cardSummaryOf } from '@/lib/registrations/store';
import { loadApproval, type ApprovalAccount, type ApprovalDeps } from './load-approval';

/** Where an approval stands after the page confirmed with Stripe.js; never a client secret. */
export type ApprovalConfirmed =
  { state: 'needs-approval'; authenticationFailed: boolean; declined: boolean } | { state: 'processing' | 'succeeded' | 'canceled'; card: CardSummary | null };

/** How long the customer waits on Fenerum for a new card before the answer goes without it. */
const WAIT_MS = 4_000;

/**
 * After the approval page confirmed with Stripe.js: the PaymentIntent is read from Stripe (this
 * account's only, through loadApproval), and a new card the customer paid with is tried with
 * Fenerum through the one queue while they wait.
 */
export async function approvalConfirmed(
  deps: ApprovalDeps & { registrar: Pick<Registrar, 'tryNow'> },
  account: ApprovalAccount,
  paymentIntentId: string,
): Promise<ApprovalConfirmed | Refused> {
  const view = await loadApproval(deps, account, paymentIntentId);
  if (isRefused(view)) return view;
  if (view.state === 'needs-approval') return { state: view.state, authenticationFailed: view.authenticationFailed, declined: view.declined };
  const reg = view.registration;
  const registered = reg?.status === 'queued' ? (await deps.registrar.tryNow(reg.id, WAIT_MS)).registration : reg;
  return { state: view.state, card: registered ? cardSummaryOf(registered) : null };
}
