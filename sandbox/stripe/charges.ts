import type Stripe from 'stripe';
import type { ApiRoutes } from './api-routes';
import type { Decline } from './errors';
import { noSuch } from './errors';
import { newId, nowSeconds, randomToken } from './ids';
import { LIST_PARAMS, listResponse, newestFirst } from './lists';
import type { PaymentMethodRecord } from './records';
import type { StripeState } from './state';

/** The charge behind a PaymentIntent attempt (`latest_charge`), succeeded or failed. */
export function createCharge(state: StripeState, pi: Stripe.PaymentIntent, rec: PaymentMethodRecord, decline?: Decline, captured = true): Stripe.Charge {
  const ok = !decline;
  const card = rec.pm.card;
  const charge: Stripe.Charge = {
    id: newId('ch'),
    object: 'charge',
    amount: pi.amount,
    amount_captured: ok && captured ? pi.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: ok && captured ? newId('txn') : null,
    billing_details: rec.pm.billing_details,
    calculated_statement_descriptor: pi.statement_descriptor ?? 'SANDBOX',
    captured: ok && captured,
    created: nowSeconds(),
    currency: pi.currency,
    customer: pi.customer,
    description: pi.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: decline?.code ?? null,
    failure_message: decline?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: {},
    on_behalf_of: null,
    outcome: ok
      ? {
          advice_code: null,
          network_advice_code: null,
          network_decline_code: null,
          network_status: 'approved_by_network',
          reason: null,
          risk_level: 'normal',
          risk_score: 32,
          seller_message: 'Payment complete.',
          type: 'authorized',
        }
      : {
          advice_code: null,
          network_advice_code: null,
          network_decline_code: null,
          network_status: 'declined_by_network',
          reason: decline?.decline_code ?? null,
          risk_level: 'normal',
          risk_score: 32,
          seller_message: 'The bank did not return any further details with this decline.',
          type: 'issuer_declined',
        },
    paid: ok,
    payment_intent: pi.id,
    payment_method: rec.pm.id,
    payment_method_details: card
      ? {
          card: {
            amount_authorized: ok ? pi.amount : null,
            authorization_code: ok ? String(100000 + Math.floor(Math.random() * 899999)) : null,
            brand: card.brand,
            checks: card.checks,
            country: card.country,
            electronic_commerce_indicator: null,
            exp_month: card.exp_month,
            exp_year: card.exp_year,
            fingerprint: card.fingerprint,
            funding: card.funding,
            installments: null,
            last4: card.last4,
            mandate: null,
            network: card.brand,
            network_token: { used: false },
            network_transaction_id: randomToken(15),
            regulated_status: 'unregulated',
            three_d_secure: null,
            transaction_link_id: null,
            wallet: null,
          },
          type: 'card',
        }
      : {
          sepa_debit: {
            bank_code: rec.pm.sepa_debit?.bank_code ?? null,
            branch_code: null,
            country: rec.pm.sepa_debit?.country ?? null,
            fingerprint: rec.pm.sepa_debit?.fingerprint ?? null,
            last4: rec.pm.sepa_debit?.last4 ?? null,
            mandate: null,
          },
          type: 'sepa_debit',
        },
    receipt_email: pi.receipt_email,
    receipt_number: null,
    receipt_url: `${state.options.publicUrl}/receipts/${pi.id}`,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: pi.statement_descriptor,
    statement_descriptor_suffix: pi.statement_descriptor_suffix,
    status: ok ? 'succeeded' : 'failed',
    transfer_data: null,
    transfer_group: null,
  };
  state.charges.set(charge.id, charge);
  pi.latest_charge = charge.id;
  return charge;
}

export function registerChargeRoutes(routes: ApiRoutes): void {
  routes
    .get('/v1/charges/:id', (ctx) => {
      ctx.params.allowOnly(['expand']);
      const c = ctx.state.charges.get(ctx.path.id ?? '');
      if (!c) throw noSuch('charge', ctx.path.id ?? '');
      return c;
    })
    .get('/v1/charges', (ctx) => {
      const p = ctx.params.allowOnly([...LIST_PARAMS, 'customer', 'payment_intent', 'transfer_group']);
      const customer = p.string('customer');
      const pi = p.string('payment_intent');
      const all = newestFirst(ctx.state.charges.values()).filter((c) => (!customer || c.customer === customer) && (!pi || c.payment_intent === pi));
      return listResponse(all, p, '/v1/charges');
    });
}
