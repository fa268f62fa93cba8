import { audit } from '@/lib/audit';
import { accountOfPayment, isUnowned } from '../account-of-payment';
import type { Handler } from '../types';

/** payment.declined: on the account's timeline, with Stripe's amount and reason (attributed from Stripe and Fenerum). */
export const onPaymentDeclined: Handler = async ({ db, stripe, fenerum }, data, event) => {
  const found = await accountOfPayment({ db, stripe, fenerum }, data, event);
  if (isUnowned(found)) return found;
  const { paymentIntent: pi, accountCode } = found;
  const error = pi.last_payment_error;
  await audit(db, {
    actor: 'fenerum',
    action: event,
    accountCode,
    subject: pi.id,
    details: { amount: pi.amount, currency: pi.currency, code: error?.code ?? null, declineCode: error?.decline_code ?? null },
  });
  return { status: 'handled', accountCode, subject: pi.id };
};
