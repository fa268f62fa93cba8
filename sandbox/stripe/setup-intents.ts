import type Stripe from 'stripe';
import type { ApiContext, ApiRoutes } from './api-routes';
import { getCustomer } from './customers';
import { noSuch, stateError } from './errors';
import { newClientSecret, newId, nowSeconds } from './ids';
import { checkClientSecret, parseCardOptions, parsePaymentMethodTypes, presentSetupIntent } from './intent-common';
import { LIST_PARAMS, listResponse, newestFirst } from './lists';
import { closeChallenges } from './next-action';
import { applyMetadata } from './params';
import { paymentMethodForIntent } from './payment-method-store';
import { assertSetupConfirmable, confirmSetupIntent } from './setup-confirm';

const CREATE = [
  'payment_method_types',
  'allowed_payment_method_types',
  'attach_to_self',
  'automatic_payment_methods',
  'confirm',
  'confirmation_token',
  'customer',
  'customer_account',
  'description',
  'excluded_payment_method_types',
  'expand',
  'flow_directions',
  'mandate_data',
  'metadata',
  'on_behalf_of',
  'payment_method',
  'payment_method_configuration',
  'payment_method_data',
  'payment_method_options',
  'return_url',
  'single_use',
  'usage',
  'use_stripe_sdk',
];
const UPDATE = [
  'payment_method_types',
  'allowed_payment_method_types',
  'attach_to_self',
  'customer',
  'customer_account',
  'description',
  'excluded_payment_method_types',
  'expand',
  'flow_directions',
  'metadata',
  'payment_method',
  'payment_method_configuration',
  'payment_method_data',
  'payment_method_options',
];
const CONFIRM = [
  'allowed_payment_method_types',
  'confirmation_token',
  'expand',
  'mandate_data',
  'payment_method',
  'payment_method_data',
  'payment_method_options',
  'return_url',
  'use_stripe_sdk',
  'client_secret',
];

/** Per-intent 3-D Secure request (`payment_method_options[card][request_three_d_secure]`). */
const threeDSRequests = new WeakMap<Stripe.SetupIntent, 'any' | 'automatic' | 'challenge'>();

function getSetupIntent(ctx: ApiContext): Stripe.SetupIntent {
  const si = ctx.state.setupIntents.get(ctx.path.id ?? '');
  if (!si) throw noSuch('setupintent', ctx.path.id ?? '');
  return si;
}

function createSetupIntent(ctx: ApiContext) {
  const p = ctx.params.allowOnly(CREATE);
  const customer = p.string('customer') || null;
  if (customer) getCustomer(ctx.state, customer, 'customer');
  const { types, allowed, excluded, automatic } = parsePaymentMethodTypes(p);
  const request3ds = parseCardOptions(p);
  const id = newId('seti');
  const si: Stripe.SetupIntent = {
    id,
    object: 'setup_intent',
    allowed_payment_method_types: allowed as Stripe.SetupIntent['allowed_payment_method_types'],
    application: null,
    automatic_payment_methods: automatic,
    cancellation_reason: null,
    client_secret: newClientSecret(id),
    created: nowSeconds(),
    customer,
    customer_account: null,
    description: p.string('description') ?? null,
    excluded_payment_method_types: excluded as Stripe.SetupIntent['excluded_payment_method_types'],
    flow_directions: null,
    last_setup_error: null,
    latest_attempt: null,
    livemode: false,
    mandate: null,
    metadata: applyMetadata({}, p.metadata()),
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: automatic ? { id: 'pmc_sandbox_default', parent: null } : null,
    payment_method_options: types.includes('card') ? { card: { mandate_options: null, network: null, request_three_d_secure: request3ds } } : {},
    payment_method_types: types,
    single_use_mandate: null,
    status: 'requires_payment_method',
    usage: p.enum('usage', ['off_session', 'on_session'] as const) ?? 'off_session',
  };
  const pm = p.string('payment_method');
  if (pm) {
    si.payment_method = paymentMethodForIntent(ctx.state, pm, customer, 'SetupIntent').pm.id;
    si.status = 'requires_confirmation';
  }
  threeDSRequests.set(si, request3ds);
  ctx.state.setupIntents.set(id, si);
  ctx.state.emit('setup_intent.created', si, ctx.request);
  if (p.bool('confirm')) confirmSetupIntent(ctx, si, p, request3ds);
  return si;
}

function updateSetupIntent(ctx: ApiContext) {
  const si = getSetupIntent(ctx);
  const p = ctx.params.allowOnly(UPDATE);
  const onlyLabels = p.keys().every((k) => k === 'metadata' || k === 'description' || k === 'expand');
  if ((si.status === 'succeeded' || si.status === 'canceled' || si.status === 'processing') && !onlyLabels) {
    throw stateError(`You cannot update this SetupIntent because it has a status of ${si.status}.`, 'setup_intent_unexpected_state', { setup_intent: si });
  }
  const customer = p.string('customer');
  if (customer) si.customer = getCustomer(ctx.state, customer, 'customer').id;
  if (p.has('description')) si.description = p.nullableString('description') ?? null;
  si.metadata = applyMetadata(si.metadata ?? {}, p.metadata());
  if (['payment_method_types', 'allowed_payment_method_types', 'excluded_payment_method_types', 'payment_method_configuration'].some((k) => p.has(k))) {
    const t = parsePaymentMethodTypes(p);
    Object.assign(si, {
      payment_method_types: t.types,
      allowed_payment_method_types: t.allowed,
      excluded_payment_method_types: t.excluded,
      automatic_payment_methods: t.automatic,
    });
  }
  const pm = p.string('payment_method');
  if (pm) {
    const owner = typeof si.customer === 'string' ? si.customer : null;
    si.payment_method = paymentMethodForIntent(ctx.state, pm, owner, 'SetupIntent').pm.id;
    si.status = 'requires_confirmation';
  }
  if (p.object('payment_method_options')) threeDSRequests.set(si, parseCardOptions(p));
  return si;
}

function cancelSetupIntent(ctx: ApiContext) {
  const si = getSetupIntent(ctx);
  const p = ctx.params.allowOnly(['cancellation_reason', 'expand']);
  if (!['requires_payment_method', 'requires_confirmation', 'requires_action'].includes(si.status)) {
    throw stateError(
      `You cannot cancel this SetupIntent because it has a status of ${si.status}. Only a SetupIntent with one of the following statuses may be canceled: requires_payment_method, requires_confirmation, requires_action.`,
      'setup_intent_unexpected_state',
      { setup_intent: si },
    );
  }
  closeChallenges(ctx.state, si.id);
  si.status = 'canceled';
  si.next_action = null;
  si.cancellation_reason = p.enum('cancellation_reason', ['abandoned', 'requested_by_customer', 'duplicate'] as const) ?? null;
  ctx.state.emit('setup_intent.canceled', si, ctx.request);
  return si;
}

export function registerSetupIntentRoutes(routes: ApiRoutes): void {
  routes
    .post('/v1/setup_intents', createSetupIntent)
    .get('/v1/setup_intents', (ctx) => {
      const p = ctx.params.allowOnly([...LIST_PARAMS, 'customer', 'payment_method', 'attach_to_self', 'customer_account']);
      const customer = p.string('customer');
      const pm = p.string('payment_method');
      const all = newestFirst(ctx.state.setupIntents.values()).filter((si) => (!customer || si.customer === customer) && (!pm || si.payment_method === pm));
      return listResponse(all, p, '/v1/setup_intents');
    })
    .get(
      '/v1/setup_intents/:id',
      (ctx) => {
        ctx.params.allowOnly(['client_secret', 'expand']);
        const si = getSetupIntent(ctx);
        checkClientSecret(ctx, si, 'SetupIntent');
        return presentSetupIntent(si, ctx.auth);
      },
      { publishable: true },
    )
    .post('/v1/setup_intents/:id', updateSetupIntent)
    .post('/v1/setup_intents/:id/cancel', cancelSetupIntent)
    .post(
      '/v1/setup_intents/:id/confirm',
      (ctx) => {
        const p = ctx.params.allowOnly(CONFIRM);
        const si = getSetupIntent(ctx);
        checkClientSecret(ctx, si, 'SetupIntent');
        assertSetupConfirmable(si, ctx.auth);
        const request3ds = p.object('payment_method_options') ? parseCardOptions(p) : (threeDSRequests.get(si) ?? 'automatic');
        confirmSetupIntent(ctx, si, p, request3ds);
        return presentSetupIntent(si, ctx.auth);
      },
      { publishable: true },
    );
}
