import type { CardToSave } from '../gateways';

type Json = Record<string, unknown>;

export type FenerumCustomerDeps = { apiUrl: string; secretKey: string; publishableKey: string };

/**
 * What Fenerum's own add-card link or Self-Service does at Stripe (seeds/000: cards added there
 * are Fenerum's): a Stripe customer that Fenerum makes (no metadata: nothing public says what
 * Fenerum puts on it) and the card saved on it with an off-session SetupIntent. Through Stripe's
 * own API, as Fenerum would call it. A card number (with the expiry the customer typed) is made a
 * PaymentMethod with the publishable key, as Stripe.js on Fenerum's page would. Null when Stripe
 * refuses the card.
 */
export async function saveCardAsFenerum(deps: FenerumCustomerDeps, card: CardToSave): Promise<{ token: string; customer: string } | null> {
  const call = async (path: string, form: Record<string, string>, key = deps.secretKey) => {
    const res = await fetch(`${deps.apiUrl}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    return (await res.json()) as Json;
  };
  const pm =
    'paymentMethod' in card
      ? card.paymentMethod
      : (
          await call(
            '/v1/payment_methods',
            { type: 'card', 'card[number]': card.number, 'card[exp_month]': String(card.expMonth), 'card[exp_year]': String(card.expYear), 'card[cvc]': '123' },
            deps.publishableKey,
          )
        ).id;
  if (typeof pm !== 'string') return null;
  const customer = await call('/v1/customers', {});
  if (typeof customer.id !== 'string') return null;
  const si = await call('/v1/setup_intents', { customer: customer.id, payment_method: pm, confirm: 'true', usage: 'off_session' });
  if (si.status !== 'succeeded' || typeof si.payment_method !== 'string') return null;
  return { token: si.payment_method, customer: customer.id };
}
