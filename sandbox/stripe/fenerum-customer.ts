type Json = Record<string, unknown>;

export type FenerumCustomerDeps = { apiUrl: string; secretKey: string };

/**
 * What Fenerum's own add-card link or Self-Service does at Stripe (seeds/000: cards added there
 * are Fenerum's): a Stripe customer that Fenerum makes (no metadata: nothing public says what
 * Fenerum puts on it) and the card saved on it with an off-session SetupIntent. Through Stripe's
 * own API, as Fenerum would call it. Null when Stripe refuses the card.
 */
export async function saveCardAsFenerum(deps: FenerumCustomerDeps, testPaymentMethod: string): Promise<{ token: string; customer: string } | null> {
  const call = async (path: string, form: Record<string, string>) => {
    const res = await fetch(`${deps.apiUrl}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${deps.secretKey}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    return (await res.json()) as Json;
  };
  const customer = await call('/v1/customers', {});
  if (typeof customer.id !== 'string') return null;
  const si = await call('/v1/setup_intents', { customer: customer.id, payment_method: testPaymentMethod, confirm: 'true', usage: 'off_session' });
  if (si.status !== 'succeeded' || typeof si.payment_method !== 'string') return null;
  return { token: si.payment_method, customer: customer.id };
}
