import { audit } from '@/lib/audit';
import type { Db } from '@/lib/db/connect';
import { failedPaymentsHandled } from '@/lib/db/schema';
import { refused, type Refused } from '@/lib/domain/outcomes';
import type { FarpayClient } from '@/lib/farpay/client';
import { isFarpayError } from '@/lib/farpay/errors';
import { isFailedPayment } from './farpay-failed';
import { fenerumDeclinedById } from './fenerum-declined';

/** The longest note a handling may carry. */
export const HANDLED_NOTE_MAX = 500;
const FARPAY_KEY = /^farpay:([1-9]\d{0,9})$/;
const FENERUM_KEY = /^fenerum:(pi_[A-Za-z0-9_]{1,200})$/;

export type MarkHandledDeps = { db: Db; farpay: Pick<FarpayClient, 'getPayment'> };
export type MarkedHandled = { kind: 'handled'; key: string; accountCode: string | null };

/** The failed payment a key names, asked of FarPay or read from Fenerum's webhooks; a refusal when there is none. */
async function failedPaymentOf(deps: MarkHandledDeps, key: string): Promise<{ accountCode: string | null } | Refused> {
  const farpayId = FARPAY_KEY.exec(key)?.[1];
  if (farpayId) {
    const payment = await deps.farpay.getPayment(Number(farpayId)).catch((err: unknown) => {
      if (isFarpayError(err) && (err.status === 404 || err.code === 20014)) return null;
      throw err;
    });
    if (!payment) return refused('not-found', 'failedPaymentUnknown', { payment: farpayId });
    if (!isFailedPayment(payment)) return refused('invalid-input', 'failedPaymentNotFailed', { payment: farpayId });
    return { accountCode: null };
  }
  const intent = FENERUM_KEY.exec(key)?.[1];
  if (!intent) return refused('invalid-input', 'failedPaymentBadKey');
  const declined = await fenerumDeclinedById(deps.db, intent);
  return declined ? { accountCode: declined.accountCode } : refused('not-found', 'failedPaymentUnknown', { payment: intent });
}

/**
 * A staff member marks a failed payment handled, with a note: stored once (a second marking is
 * refused, naming who did it first) and audited in the same transaction. A payment FarPay does
 * not know, one that did not fail, or a note empty or too long is refused and nothing is written.
 */
export async function markFailedPaymentHandled(
  deps: MarkHandledDeps,
  input: { key: string; note: string },
  actor: string,
  ip: string | null,
): Promise<MarkedHandled | Refused> {
  const note = input.note.trim();
  if (!note) return refused('invalid-input', 'handledNoteEmpty');
  if (note.length > HANDLED_NOTE_MAX) return refused('too-large', 'handledNoteTooLong', { max: String(HANDLED_NOTE_MAX) });
  const payment = await failedPaymentOf(deps, input.key);
  if ('kind' in payment) return payment;
  const { accountCode } = payment;
  const done = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(failedPaymentsHandled)
      .values({ paymentKey: input.key, accountCode, handledBy: actor, note })
      .onConflictDoNothing()
      .returning({ key: failedPaymentsHandled.paymentKey });
    if (!row) return false;
    await audit(tx, { actor, action: 'failed_payment.handled', accountCode: accountCode ?? undefined, subject: input.key, details: { note }, ip });
    return true;
  });
  if (!done) return refused('invalid-input', 'failedPaymentAlreadyHandled');
  return { kind: 'handled', key: input.key, accountCode };
}
