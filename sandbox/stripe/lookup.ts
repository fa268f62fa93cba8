import type { GatewayCard } from '../gateways';
import { buildCardPaymentMethod } from './payment-method-store';
import type { StripeState } from './state';
import { FENERUM_BRANDS, TEST_PAYMENT_METHODS } from './test-cards';

/** SEPA mandates do not expire; Fenerum still wants a month and year. */
const SEPA_EXPIRY = { expMonth: 12, expYear: 2099 };

/** The card behind a PaymentMethod id, as Fenerum reads it from Stripe (brand spelled Fenerum's way). */
export function lookupCard(state: StripeState, paymentMethodId: string): GatewayCard | null {
  const number = TEST_PAYMENT_METHODS[paymentMethodId];
  const pm = state.paymentMethods.get(paymentMethodId)?.pm ?? (number ? buildCardPaymentMethod(number, 12, new Date().getFullYear() + 1).pm : undefined);
  if (!pm) return null;
  if (pm.card) {
    const brands: Record<string, string> = FENERUM_BRANDS;
    return { brand: brands[pm.card.brand] ?? pm.card.brand, last4: pm.card.last4, expMonth: pm.card.exp_month, expYear: pm.card.exp_year };
  }
  if (pm.sepa_debit) return { brand: 'SEPA', last4: pm.sepa_debit.last4 ?? '', ...SEPA_EXPIRY };
  return null;
}
