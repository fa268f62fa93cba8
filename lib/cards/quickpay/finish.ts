import type { CustomerSession } from '@/lib/auth/session-token';
import type { Db } from '@/lib/db/connect';
import type { RegistrationRefusal } from '@/lib/db/schema';
import type { CardSummary } from '@/lib/domain/cards';
import type { QuickpayClient } from '@/lib/quickpay/client';
import type { Registrar } from '@/lib/registrations/registrar';
import { cardSummaryOf, getRegistration, markFailed, queueRegistration, type Registration } from '@/lib/registrations/store';
import { cardOf, isSavedCard, subscriptionCardState } from './subscription-card';
import { TEST_MODE_REFUSED, type TestModePolicy } from './test-mode';

export type ReturnState =
  | { kind: 'saved'; card: CardSummary }
  | { kind: 'finishing' }
  | { kind: 'declined'; reason: string }
  | { kind: 'failed'; refusal?: RegistrationRefusal }
  | { kind: 'unknown' };

type Deps = { db: Db; quickpay: Pick<QuickpayClient, 'getSubscription'>; quickpayTestMode: TestModePolicy };

/** What the return page says about a registration. */
export function returnStateOf(r: Registration): ReturnState {
  const card = cardSummaryOf(r);
  if (r.status === 'registered' && card) return { kind: 'saved', card };
  if (r.status === 'failed') return r.refusal ? { kind: 'failed', refusal: r.refusal } : { kind: 'failed' };
  return { kind: 'finishing' };
}

/**
 * The customer is back from QuickPay's window. The callback may not have come yet (and QuickPay
 * retries a failed one only after an hour), so ask QuickPay ourselves (verify, then trust) and,
 * when the card is saved, queue it. A queued registration comes back for the caller to try.
 */
export async function checkQuickpayReturn(
  deps: Deps,
  session: CustomerSession,
  registrationId: string,
): Promise<ReturnState | { kind: 'queued'; registration: Registration }> {
  const reg = await getRegistration(deps.db, registrationId);
  if (!reg || reg.gateway !== 'quickpay' || reg.accountCode !== session.accountCode) return { kind: 'unknown' };
  if (reg.status === 'registered' || reg.status === 'failed') return returnStateOf(reg);
  if (reg.status === 'queued') return { kind: 'queued', registration: reg };
  return confirmWithQuickpay(deps, reg);
}

/**
 * Asks QuickPay about a window we have not heard back from (the customer's return, the
 * maintenance job's sweep): a saved card is queued, by the callback's rules (isSavedCard, the
 * test-mode policy); queued once however often it is asked.
 */
export async function confirmWithQuickpay(deps: Deps, reg: Registration): Promise<ReturnState | { kind: 'queued'; registration: Registration }> {
  const sub = await deps.quickpay.getSubscription(Number(reg.providerRef));
  if (!isSavedCard(sub)) {
    const state = subscriptionCardState(sub);
    return state.kind === 'declined' ? { kind: 'declined', reason: state.reason } : { kind: 'finishing' };
  }
  if (sub.test_mode && !deps.quickpayTestMode.acceptTestMode) {
    await markFailed(deps.db, reg, TEST_MODE_REFUSED, 'test-mode');
    return { kind: 'failed', refusal: 'test-mode' };
  }
  const queued = await queueRegistration(deps.db, reg.id, String(sub.id), cardOf(sub));
  return { kind: 'queued', registration: queued ?? reg };
}

/** How long the customer waits on Fenerum before the page says "finishing". */
const WAIT_MS = 3_000;

/**
 * The one "back from QuickPay's window" use case: checked with QuickPay (checkQuickpayReturn),
 * then a queued card tried with Fenerum while the customer waits. The return page shows the state.
 */
export async function quickpayCameBack(
  deps: Deps & { registrar: Pick<Registrar, 'tryNow'> },
  session: CustomerSession,
  registrationId: string,
): Promise<ReturnState> {
  const checked = await checkQuickpayReturn(deps, session, registrationId);
  return checked.kind === 'queued' ? returnStateOf((await deps.registrar.tryNow(checked.registration.id, WAIT_MS)).registration) : checked;
}
