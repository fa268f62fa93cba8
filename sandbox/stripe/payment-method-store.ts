import type Stripe from 'stripe';
import { cardError, invalidRequest, noSuch } from './errors';
import { emptyBillingDetails, type BillingDetails } from './details';
import { fingerprintOf, newId, nowSeconds } from './ids';
import { bankCodeOf, normalizeIban } from './iban';
import type { PaymentMethodRecord, RequestInfo } from './records';
import type { StripeState } from './state';
import { behaviourOf, brandOf, TEST_PAYMENT_METHODS } from './test-cards';

type Common = { billing?: BillingDetails; metadata?: Record<string, string> };

function basePaymentMethod(type: 'card' | 'sepa_debit', c: Common): Stripe.PaymentMethod {
  return {
    id: newId('pm'),
    object: 'payment_method',
    allow_redisplay: 'unspecified',
    billing_details: c.billing ?? emptyBillingDetails(),
    created: nowSeconds(),
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: c.metadata ?? {},
    type,
  };
}

export function buildCardPaymentMethod(number: string, expMonth: number, expYear: number, c: Common & { cvc?: boolean } = {}): PaymentMethodRecord {
  const behaviour = behaviourOf(number);
  const brand = brandOf(number);
  const pm = basePaymentMethod('card', c);
  pm.card = {
    brand,
    checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: c.cvc === false ? null : 'unchecked' },
    country: behaviour.country ?? 'US',
    display_brand: brand === 'amex' ? 'american_express' : brand,
    exp_month: expMonth,
    exp_year: expYear,
    fingerprint: fingerprintOf(number),
    funding: behaviour.funding ?? 'credit',
    generated_from: null,
    last4: number.slice(-4),
    networks: { available: [brand], preferred: null },
    regulated_status: 'unregulated',
    three_d_secure_usage: { supported: true },
    wallet: null,
  };
  return { pm, card: { number, behaviour }, setUpForOffSession: false, consumed: false };
}

export function buildSepaPaymentMethod(iban: string, c: Common): PaymentMethodRecord {
  const normalized = normalizeIban(iban);
  const pm = basePaymentMethod('sepa_debit', c);
  pm.sepa_debit = {
    bank_code: bankCodeOf(normalized),
    branch_code: '',
    country: normalized.slice(0, 2),
    fingerprint: fingerprintOf(normalized),
    generated_from: { charge: null, setup_attempt: null },
    last4: normalized.slice(-4),
  };
  return { pm, iban: normalized, setUpForOffSession: false, consumed: false };
}

/** A test id (`pm_card_visa`) makes a fresh PaymentMethod each time it is used, as on Stripe. */
function fromTestId(state: StripeState, id: string): PaymentMethodRecord | undefined {
  const number = TEST_PAYMENT_METHODS[id];
  if (!number) return undefined;
  const year = new Date().getFullYear() + 1;
  const rec = buildCardPaymentMethod(number, new Date().getMonth() + 1, year, { cvc: true });
  state.paymentMethods.set(rec.pm.id, rec);
  return rec;
}

export function paymentMethodRecord(state: StripeState, id: string, param?: string): PaymentMethodRecord {
  const rec = state.paymentMethods.get(id) ?? fromTestId(state, id);
  if (!rec) throw noSuch('PaymentMethod', id, param);
  return rec;
}

/** A PaymentMethod for a SetupIntent or PaymentIntent of `customer`, with Stripe's reuse rules. */
export function paymentMethodForIntent(state: StripeState, id: string, customer: string | null, intent: 'SetupIntent' | 'PaymentIntent'): PaymentMethodRecord {
  const rec = paymentMethodRecord(state, id, 'payment_method');
  if (rec.consumed) {
    throw invalidRequest(
      `The provided PaymentMethod was previously used with a PaymentIntent without Customer attachment, shared with a connected account without Customer attachment, or was detached from a Customer. It may not be used again. To use a PaymentMethod multiple times, you must attach it to a Customer first.`,
      { param: 'payment_method', code: 'payment_method_unexpected_state', replayable: true },
    );
  }
  const owner = typeof rec.pm.customer === 'string' ? rec.pm.customer : null;
  if (owner && owner !== customer) {
    throw invalidRequest(
      `The PaymentMethod provided (${rec.pm.id}) belongs to the Customer ${owner}. Please include the Customer in the \`customer\` parameter on the ${intent}.`,
      { param: 'payment_method', code: 'payment_method_invalid_parameter', replayable: true },
    );
  }
  return rec;
}

/** Attaches after verifying the card, as `POST /v1/payment_methods/:id/attach` does. */
export function attachPaymentMethod(state: StripeState, rec: PaymentMethodRecord, customer: string, request: RequestInfo): void {
  if (!state.customers.has(customer)) throw noSuch('customer', customer, 'customer');
  if (rec.pm.customer === customer) return;
  if (rec.pm.customer) {
    throw invalidRequest('The payment method you provided has already been attached to a customer.', {
      param: 'payment_method',
      code: 'payment_method_unexpected_state',
      replayable: true,
    });
  }
  if (rec.consumed) {
    throw invalidRequest(
      'This PaymentMethod was previously used without being attached to a Customer or was detached from a Customer, and may not be used again.',
      { code: 'payment_method_unexpected_state', replayable: true },
    );
  }
  const decline = rec.card?.behaviour.decline;
  if (decline) {
    if (rec.pm.card?.checks && decline.code === 'incorrect_cvc') rec.pm.card.checks.cvc_check = 'fail';
    throw cardError(decline);
  }
  markVerified(rec);
  linkToCustomer(state, rec, customer, request);
}

/** Records the attachment (after a SetupIntent or a saving PaymentIntent verified the card). */
export function linkToCustomer(state: StripeState, rec: PaymentMethodRecord, customer: string, request: RequestInfo): void {
  if (rec.pm.customer === customer) return;
  rec.pm.customer = customer;
  state.emit('payment_method.attached', rec.pm, request);
}

export function detachPaymentMethod(state: StripeState, rec: PaymentMethodRecord, request: RequestInfo): void {
  const previous = rec.pm.customer;
  if (!previous)
    throw invalidRequest('The payment method you provided is not attached to a customer so detachment is impossible.', {
      code: 'payment_method_unexpected_state',
      replayable: true,
    });
  rec.pm.customer = null;
  rec.consumed = true;
  const customer = typeof previous === 'string' ? state.customers.get(previous) : undefined;
  if (customer?.invoice_settings.default_payment_method === rec.pm.id) customer.invoice_settings.default_payment_method = null;
  state.emit('payment_method.detached', rec.pm, request, { customer: previous });
}

/** The CVC passed verification. */
export function markVerified(rec: PaymentMethodRecord): void {
  if (rec.pm.card?.checks?.cvc_check === 'unchecked') rec.pm.card.checks.cvc_check = 'pass';
}
