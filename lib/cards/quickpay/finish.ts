import { eq } from 'drizzle-orm';
import type { CustomerSession } from '@/lib/auth/session-token';
import type { Db } from '@/lib/db/connect';
import { registrations } from '@/lib/db/schema';
import type { QuickpayClient } from '@/lib/quickpay/client';
import type { RegisterNowResult } from '@/lib/registrations/register-now';
import { queueRegistration, type CardSummary, type Registration } from '@/lib/registrations/store';
import { cardOf, isSavedCard, lastFailure } from './subscription-card';

export type ReturnState =
  | { kind: 'saved'; card: CardSummary }
  | { kind: 'finishing' }
  | { kind: 'declined'; reason: string }
  | { kind: 'failed' }
  | { kind: 'unknown' };

type Deps = { db: Db; quickpay: Pick<QuickpayClient, 'getSubscription'>; register: (id: string) => Promise<RegisterNowResult> };

const summary = (r: Registration): CardSummary | null =>
  r.cardLast4 && r.cardExpMonth && r.cardExpYear ? { brand: r.cardBrand ?? 'Card', last4: r.cardLast4, expMonth: r.cardExpMonth, expYear: r.cardExpYear } : null;

function stateOf(r: Registration): ReturnState {
  const card = summary(r);
  if (r.status === 'registered' && card) return { kind: 'saved', card };
  if (r.status === 'failed') return { kind: 'failed' };
  return { kind: 'finishing' };
}

/**
 * The customer is back from QuickPay's window. The callback may not have come yet, so ask
 * QuickPay ourselves (verify, then trust) and, when the card is saved, register it now.
 */
export async function checkQuickpayReturn(deps: Deps, session: CustomerSession, registrationId: string): Promise<ReturnState> {
  const [reg] = await deps.db.select().from(registrations).where(eq(registrations.id, registrationId)).limit(1);
  if (!reg || reg.gateway !== 'quickpay' || reg.accountCode !== session.accountCode) return { kind: 'unknown' };
  if (reg.status === 'started') {
    const sub = await deps.quickpay.getSubscription(Number(reg.providerRef));
    if (!isSavedCard(sub)) {
      const reason = lastFailure(sub);
      return reason ? { kind: 'declined', reason } : { kind: 'finishing' };
    }
    await queueRegistration(deps.db, reg.id, String(sub.id), cardOf(sub));
  }
  if (reg.status === 'registered' || reg.status === 'failed') return stateOf(reg);
  return stateOf((await deps.register(reg.id)).registration);
}
