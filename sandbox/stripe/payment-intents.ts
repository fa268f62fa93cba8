import type Stripe from 'stripe';
import type { ApiContext, ApiRoutes } from './api-routes';
import { assertAmount, parseCurrency } from './currencies';
import { getCustomer } from './customers';
import { invalidRequest, missingParam, stateError } from './errors';
import { newClientSecret, newId, nowSeconds } from './ids';
import { checkClientSecret, parseCardOptions, parsePaymentMethodTypes, presentPaymentIntent } from './intent-common';
import { LIST_PARAMS, listResponse, newestFirst } from './lists';
import { applyMetadata, type Params } from './params';
import { assertPaymentConfirmable, confirmPaymentIntent, parseOffSession } from './payment-confirm';
import { paymentMethodForIntent } from './payment-method-store';
import { cancelPaymentIntent, capturePaymentIntent, getPaymentIntentRecord } from './payment-intent-actions';
import type { PaymentIntentRecord } from './records';

const CREATE = [
  'amount',
  'currency',
  'payment_method_types',
  'allowed_payment_method_types',
  'amount_details',
  'application_fee_amount',
  'automatic_payment_methods',
  'capture_method',
  'confirm',
  'confirmation_method',
  'confirmation_token',
  'customer',
  'customer_account',
  'description',
  'error_on_requires_action',
  'excluded_payment_method_types',
  'expand',
  'hooks',
  'mandate',
  'mandate_data',
  'metadata',
  'off_session',
  'on_behalf_of',
  'payment_details',
  'payment_method',
  'payment_method_configuration',
  'payment_method_data',
  'payment_method_options',
  'radar_options',
  'receipt_email',
  'return_url',
  'setup_future_usage',
  'shipping',
  'statement_descriptor',
  'statement_descriptor_suffix',
  'transfer_data',
  'transfer_group',
  'use_stripe_sdk',
];
const UPDATE = [
  'payment_method_types',
  'allowed_payment_method_types',
  'amount',
  'amount_details',
  'application_fee_amount',
  'capture_method',
  'currency',
  'customer',
  'customer_account',
  'description',
  'excluded_payment_method_types',
  'expand',
  'hooks',
  'metadata',
  'payment_details',
  'payment_method',
  'payment_method_configuration',
  'payment_method_data',
  'payment_method_options',
  'receipt_email',
  'setup_future_usage',
  'shipping',
  'statement_descriptor',
  'statement_descriptor_suffix',
  'transfer_data',
  'transfer_group',
];
const CONFIRM = [
  'allowed_payment_method_types',
  'amount_details',
  'amount_to_confirm',
  'capture_method',
  'confirmation_token',
  'error_on_requires_action',
  'excluded_payment_method_types',
  'expand',
  'hooks',
  'mandate',
  'mandate_data',
  'off_session',
  'payment_details',
  'payment_method',
  'payment_method_data',
  'payment_method_options',
  'radar_options',
  'receipt_email',
  'return_url',
  'setup_future_usage',
  'shipping',
  'use_stripe_sdk',
  'client_secret',
];

const threeDSRequests = new WeakMap<Stripe.PaymentIntent, 'any' | 'automatic' | 'challenge'>();

function createPaymentIntent(ctx: ApiContext) {
  const p = ctx.params.allowOnly(CREATE);
  const amount = p.int('amount');
  if (amount === undefined) throw missingParam('amount');
  const currency = parseCurrency(p.requiredString('currency'));
  assertAmount(amount, currency);
  const customer = p.string('customer') || null;
  if (customer) getCustomer(ctx.state, customer, 'customer');
  const confirm = p.bool('confirm') ?? false;
  const offSession = parseOffSession(p);
  if (offSession !== undefined && !confirm) throw invalidRequest('off_session can only be used when confirm=true.', { param: 'off_session' });
  const { types, allowed, excluded, automatic } = parsePaymentMethodTypes(p, currency);
  const request3ds = parseCardOptions(p);
  const id = newId('pi');
  const pi: Stripe.PaymentIntent = {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: allowed as Stripe.PaymentIntent['allowed_payment_method_types'],
    amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: automatic,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: p.enum('capture_method', ['automatic', 'automatic_async', 'manual'] as const) ?? 'automatic_async',
    client_secret: newClientSecret(id),
    confirmation_method: p.enum('confirmation_method', ['automatic', 'manual'] as const) ?? 'automatic',
    created: nowSeconds(),
    currency,
    customer,
    customer_account: null,
    description: p.string('description') ?? null,
    excluded_payment_method_types: excluded as Stripe.PaymentIntent['excluded_payment_method_types'],
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: applyMetadata({}, p.metadata()),
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: automatic ? { id: 'pmc_sandbox_default', parent: null } : null,
    payment_method_options: types.includes('card')
      ? { card: { installments: null, mandate_options: null, network: null, request_three_d_secure: request3ds } }
      : {},
    payment_method_types: types,
    payment_record: null,
    processing: null,
    receipt_email: p.string('receipt_email') ?? null,
    review: null,
    setup_future_usage: p.enum('setup_future_usage', ['off_session', 'on_session'] as const) ?? null,
    shipping: null,
    source: null,
    statement_descriptor: p.string('statement_descriptor') ?? null,
    statement_descriptor_suffix: p.string('statement_descriptor_suffix') ?? null,
    status: 'requires_payment_method',
    transfer_data: null,
    transfer_group: p.string('transfer_group') ?? null,
  };
  const pm = p.string('payment_method');
  if (pm && !confirm) {
    pi.payment_method = paymentMethodForIntent(ctx.state, pm, customer, 'PaymentIntent').pm.id;
    pi.status = 'requires_confirmation';
  }
  const rec: PaymentIntentRecord = { pi, offSession: offSession ?? false };
  threeDSRequests.set(pi, request3ds);
  ctx.state.paymentIntents.set(id, rec);
  ctx.state.emit('payment_intent.created', pi, ctx.request);
  if (confirm) confirmPaymentIntent(ctx, rec, p, request3ds);
  return pi;
}

function updatePaymentIntent(ctx: ApiContext) {
  const rec = getPaymentIntentRecord(ctx);
  const pi = rec.pi;
  const p = ctx.params.allowOnly(UPDATE);
  const onlyLabels = p.keys().every((k) => ['metadata', 'description', 'expand', 'receipt_email'].includes(k));
  if (['succeeded', 'canceled', 'processing'].includes(pi.status) && !onlyLabels) {
    throw stateError(`You cannot update this PaymentIntent because it has a status of ${pi.status}.`, 'payment_intent_unexpected_state', {
      payment_intent: pi,
    });
  }
  if (p.has('currency')) pi.currency = parseCurrency(p.requiredString('currency'));
  const amount = p.int('amount');
  if (amount !== undefined) pi.amount = amount;
  assertAmount(pi.amount, pi.currency);
  const customer = p.string('customer');
  if (customer) pi.customer = getCustomer(ctx.state, customer, 'customer').id;
  applyLabels(pi, p);
  if (['payment_method_types', 'allowed_payment_method_types', 'excluded_payment_method_types', 'payment_method_configuration'].some((k) => p.has(k))) {
    const t = parsePaymentMethodTypes(p, pi.currency);
    Object.assign(pi, {
      payment_method_types: t.types,
      allowed_payment_method_types: t.allowed,
      excluded_payment_method_types: t.excluded,
      automatic_payment_methods: t.automatic,
    });
  }
  if (p.has('setup_future_usage'))
    pi.setup_future_usage = p.raw.setup_future_usage === '' ? null : (p.enum('setup_future_usage', ['off_session', 'on_session'] as const) ?? null);
  const pm = p.string('payment_method');
  if (pm) {
    pi.payment_method = paymentMethodForIntent(ctx.state, pm, typeof pi.customer === 'string' ? pi.customer : null, 'PaymentIntent').pm.id;
    if (pi.status === 'requires_payment_method') pi.status = 'requires_confirmation';
  }
  if (p.object('payment_method_options')) threeDSRequests.set(pi, parseCardOptions(p));
  return pi;
}

function applyLabels(pi: Stripe.PaymentIntent, p: Params): void {
  if (p.has('description')) pi.description = p.nullableString('description') ?? null;
  if (p.has('receipt_email')) pi.receipt_email = p.nullableString('receipt_email') ?? null;
  if (p.has('statement_descriptor')) pi.statement_descriptor = p.nullableString('statement_descriptor') ?? null;
  if (p.has('statement_descriptor_suffix')) pi.statement_descriptor_suffix = p.nullableString('statement_descriptor_suffix') ?? null;
  pi.metadata = applyMetadata(pi.metadata, p.metadata());
}

export function registerPaymentIntentRoutes(routes: ApiRoutes): void {
  routes
    .post('/v1/payment_intents', createPaymentIntent)
    .get('/v1/payment_intents', (ctx) => {
      const p = ctx.params.allowOnly([...LIST_PARAMS, 'customer', 'customer_account']);
      const customer = p.string('customer');
      const all = newestFirst(ctx.state.paymentIntents.values())
        .map((r) => r.pi)
        .filter((pi) => !customer || pi.customer === customer);
      return listResponse(all, p, '/v1/payment_intents');
    })
    .get(
      '/v1/payment_intents/:id',
      (ctx) => {
        ctx.params.allowOnly(['client_secret', 'expand']);
        const { pi } = getPaymentIntentRecord(ctx);
        checkClientSecret(ctx, pi, 'PaymentIntent');
        return presentPaymentIntent(pi, ctx.auth);
      },
      { publishable: true },
    )
    .post('/v1/payment_intents/:id', updatePaymentIntent)
    .post('/v1/payment_intents/:id/cancel', cancelPaymentIntent)
    .post('/v1/payment_intents/:id/capture', capturePaymentIntent)
    .post(
      '/v1/payment_intents/:id/confirm',
      (ctx) => {
        const p = ctx.params.allowOnly(CONFIRM);
        const rec = getPaymentIntentRecord(ctx);
        checkClientSecret(ctx, rec.pi, 'PaymentIntent');
        assertPaymentConfirmable(rec, ctx.auth);
        const request3ds = p.object('payment_method_options') ? parseCardOptions(p) : (threeDSRequests.get(rec.pi) ?? 'automatic');
        confirmPaymentIntent(ctx, rec, p, request3ds);
        return presentPaymentIntent(rec.pi, ctx.auth);
      },
      { publishable: true },
    );
}
