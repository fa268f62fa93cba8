import { randomUUID } from 'node:crypto';
import { appContext } from '@/lib/server/context';
import { authorizeQuickpay } from './sandbox-control';

/** A card the merchant's customer already has at Stripe: a PaymentMethod attached to a Stripe customer of theirs. */
export async function existingStripeCard(): Promise<string> {
  const { stripe } = await appContext();
  const customer = await stripe.customers.create({ description: 'existing customer (import test)' });
  return (await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id })).id;
}

/** A QuickPay subscription; with a saved card (authorized) unless `saved` is false. */
export async function existingQuickpaySubscription(saved = true): Promise<string> {
  const { quickpay } = await appContext();
  const sub = await quickpay.createSubscription({
    orderId: `imp${randomUUID().replaceAll('-', '').slice(0, 16)}`,
    currency: 'DKK',
    description: 'existing card',
  });
  if (saved) await authorizeQuickpay(String(sub.id));
  return String(sub.id);
}

/** An import file's bytes from rows (the header added). */
export function importFile(rows: ReadonlyArray<readonly [string, string, string]>, name = 'cards.csv'): { name: string; bytes: Uint8Array } {
  const text = ['account,gateway,token', ...rows.map((r) => r.join(','))].join('\r\n');
  return { name, bytes: new TextEncoder().encode(text) };
}
