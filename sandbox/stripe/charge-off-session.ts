import type { GatewayChargeResult } from '../gateways';

export type ChargeDeps = { apiUrl: string; secretKey: string; demandAuthentication: (paymentMethodId: string) => boolean };

type Json = Record<string, unknown>;

/**
 * Fenerum's off-session charge of a saved card, through Stripe's own API as Fenerum makes it:
 * a PaymentIntent for the card's customer, confirmed with `off_session=true`. When the bank
 * wants authentication, Stripe answers 402 `authentication_required` and leaves the
 * PaymentIntent in `requires_payment_method` (PROVIDERS.md).
 */
export async function chargeWithStripe(
  deps: ChargeDeps,
  paymentMethodId: string,
  input: { amount: number; currency: string; description: string; demandAuthentication: boolean },
): Promise<GatewayChargeResult | null> {
  const call = async (method: 'GET' | 'POST', path: string, form?: Record<string, string>) => {
    const res = await fetch(`${deps.apiUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${deps.secretKey}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    return (await res.json()) as Json;
  };
  const pm = await call('GET', `/v1/payment_methods/${encodeURIComponent(paymentMethodId)}`);
  const customer = typeof pm.customer === 'string' ? pm.customer : null;
  if (pm.object !== 'payment_method' || !customer) return null;
  if (input.demandAuthentication && !deps.demandAuthentication(paymentMethodId)) return null;
  const answer = await call('POST', '/v1/payment_intents', {
    amount: String(input.amount),
    currency: input.currency,
    customer,
    payment_method: paymentMethodId,
    confirm: 'true',
    off_session: 'true',
    description: input.description,
  });
  const error = answer.error as Json | undefined;
  const pi = (error ? error.payment_intent : answer) as Json | undefined;
  if (!pi || typeof pi.id !== 'string') return null;
  return { paymentGatewayId: pi.id, status: String(pi.status), errorCode: typeof error?.code === 'string' ? error.code : null };
}
