import type Stripe from 'stripe';
import type { ApiContext } from './api-routes';
import { API_VERSION } from './config';
import { invalidRequest, paramError, stateError, type StripeApiError } from './errors';
import { DASHBOARD_METHODS } from './browser/dashboard';
import type { Params } from './params';
import { PAYMENT_METHOD_DATA_PARAMS, paymentMethodFromParams } from './payment-method-params';
import { paymentMethodForIntent } from './payment-method-store';
import type { PaymentMethodRecord } from './records';

/** Types an intent may list; only card and sepa_debit can be confirmed in the sandbox. */
const KNOWN_TYPES = ['card', 'sepa_debit', 'link', 'ideal', 'bancontact', 'sofort', 'mobilepay', 'klarna', 'paypal', 'us_bank_account', 'bacs_debit'];

export type PaymentMethodTypes = {
  types: string[];
  allowed: string[] | null;
  excluded: string[] | null;
  automatic: { allow_redirects: 'always' | 'never'; enabled: boolean } | null;
};

function knownTypes(list: string[] | undefined, param: string): string[] | undefined {
  if (list === undefined) return undefined;
  if (list.length === 0) throw paramError('Invalid array', param);
  for (const t of list) {
    if (!KNOWN_TYPES.includes(t)) {
      throw invalidRequest(
        `The payment method type provided: ${t} is invalid. Please ensure the provided type is activated in your dashboard (https://dashboard.stripe.com/account/payments/settings) and your account is enabled for any preview features that you are trying to use.`,
        { param, code: 'payment_method_invalid_parameter' },
      );
    }
  }
  return list;
}

/** `endive` (the pinned version) no longer takes `payment_method_types` as an input (PROVIDERS.md). */
const noLongerSupported = (param: string): StripeApiError =>
  invalidRequest(
    `The \`${param}\` parameter is no longer supported in API version ${API_VERSION}. Use \`allowed_payment_method_types\` to limit the payment methods offered, or \`excluded_payment_method_types\` to leave some out; \`payment_method_types\` on the response lists what the intent offers.`,
    { param, code: 'payment_method_types_no_longer_supported' },
  );

/** `allowed_payment_method_types` is exclusive with each of these (PROVIDERS.md). */
const EXCLUSIVE_WITH_ALLOWED = ['excluded_payment_method_types', 'automatic_payment_methods', 'payment_method_configuration'];

/**
 * Which payment methods an intent offers. API `endive` (stripe-node 23) refuses
 * `payment_method_types` as an input; `allowed_payment_method_types` filters the Dashboard's
 * dynamic payment methods silently and excludes `excluded_payment_method_types`,
 * `automatic_payment_methods` and `payment_method_configuration`. The response's
 * `payment_method_types` (read-only) is the result. SEPA Direct Debit payments need EUR.
 */
export function parsePaymentMethodTypes(p: Params, currency?: string): PaymentMethodTypes {
  if (p.has('payment_method_types')) throw noLongerSupported('payment_method_types');
  const allowed = knownTypes(p.strings('allowed_payment_method_types'), 'allowed_payment_method_types') ?? null;
  const other = EXCLUSIVE_WITH_ALLOWED.find((k) => p.has(k));
  if (allowed && other) {
    throw invalidRequest(`You may only specify one of these parameters: allowed_payment_method_types, ${other}.`, {
      param: other,
      code: 'parameters_exclusive',
    });
  }
  const excluded = knownTypes(p.strings('excluded_payment_method_types'), 'excluded_payment_method_types') ?? null;
  const auto = p.object('automatic_payment_methods');
  auto?.allowOnly(['enabled', 'allow_redirects']);
  const allowRedirects = auto?.enum('allow_redirects', ['always', 'never'] as const) ?? 'always';
  const compatible = (t: string) => t !== 'sepa_debit' || currency === undefined || currency === 'eur';
  const types = DASHBOARD_METHODS.filter((t) => (!allowed || allowed.includes(t)) && !excluded?.includes(t) && compatible(t));
  if (types.length === 0) {
    throw invalidRequest('None of the payment method types allowed for this intent are activated in your Dashboard or compatible with it.', {
      param: allowed ? 'allowed_payment_method_types' : 'excluded_payment_method_types',
      code: 'payment_method_invalid_parameter',
    });
  }
  return { types, allowed, excluded, automatic: { allow_redirects: allowRedirects, enabled: auto?.bool('enabled') ?? true } };
}

/** `request_three_d_secure` from `payment_method_options[card]`. */
export function parseCardOptions(p: Params, base = 'automatic'): 'any' | 'automatic' | 'challenge' {
  const card = p.object('payment_method_options')?.object('card');
  const v = card?.enum('request_three_d_secure', ['any', 'automatic', 'challenge'] as const);
  return v ?? (base as 'any' | 'automatic' | 'challenge');
}

type Label = 'SetupIntent' | 'PaymentIntent';

/** The PaymentMethod a confirm uses: `payment_method`, `payment_method_data`, or the one on the intent. */
export function paymentMethodForConfirm(ctx: ApiContext, p: Params, current: string | null, customer: string | null, label: Label): PaymentMethodRecord {
  const data = p.object('payment_method_data');
  const id = p.string('payment_method');
  if (data && id) throw invalidRequest('You may only specify one of these parameters: payment_method, payment_method_data.', { param: 'payment_method_data' });
  if (data) return paymentMethodFromParams(ctx, data.allowOnly(PAYMENT_METHOD_DATA_PARAMS), 'payment_method_data');
  const pmId = id || current;
  const code = label === 'SetupIntent' ? 'setup_intent_unexpected_state' : 'payment_intent_unexpected_state';
  if (!pmId) {
    throw stateError(
      `You cannot confirm this ${label} because it's missing a payment method. You can either update the ${label} with a payment method and then confirm it again, or confirm it again directly with a payment method.`,
      code,
    );
  }
  return paymentMethodForIntent(ctx.state, pmId, customer, label);
}

export function assertTypeAllowed(rec: PaymentMethodRecord, types: string[], label: Label): void {
  if (types.includes(rec.pm.type)) return;
  throw invalidRequest(
    `The PaymentMethod provided (${rec.pm.type}) is not allowed for this ${label}. Please attach a PaymentMethod of one of the following types: ${types.join(', ')}. Alternatively update the allowed payment_method_types for this ${label} to include "${rec.pm.type}".`,
    { param: 'payment_method', code: 'payment_method_invalid_parameter', replayable: true },
  );
}

/** With the publishable key, retrieve/confirm need the intent's client secret, and see a subset. */
export function checkClientSecret(ctx: ApiContext, intent: { client_secret: string | null }, label: Label): void {
  if (ctx.auth !== 'publishable') return;
  const given = ctx.params.string('client_secret');
  if (!given)
    throw invalidRequest(`The client_secret parameter is required when using a publishable key to access this ${label}.`, {
      param: 'client_secret',
      code: 'parameter_missing',
    });
  if (given !== intent.client_secret) {
    throw invalidRequest(`The client_secret provided does not match the client_secret associated with the ${label}.`, {
      param: 'client_secret',
      code: 'resource_missing',
    });
  }
}

const SETUP_PUBLIC = [
  'id',
  'object',
  'automatic_payment_methods',
  'cancellation_reason',
  'client_secret',
  'created',
  'description',
  'last_setup_error',
  'livemode',
  'next_action',
  'payment_method',
  'payment_method_types',
  'status',
  'usage',
] as const;
const PAYMENT_PUBLIC = [
  'id',
  'object',
  'amount',
  'amount_details',
  'automatic_payment_methods',
  'canceled_at',
  'cancellation_reason',
  'capture_method',
  'client_secret',
  'confirmation_method',
  'created',
  'currency',
  'description',
  'last_payment_error',
  'livemode',
  'next_action',
  'payment_method',
  'payment_method_types',
  'processing',
  'receipt_email',
  'setup_future_usage',
  'shipping',
  'status',
] as const;

/** What a publishable-key caller (Stripe.js) may see of an intent. */
export function presentSetupIntent(si: Stripe.SetupIntent, auth: 'secret' | 'publishable'): Partial<Stripe.SetupIntent> {
  return auth === 'secret' ? si : pick(si, SETUP_PUBLIC);
}

export function presentPaymentIntent(pi: Stripe.PaymentIntent, auth: 'secret' | 'publishable'): Partial<Stripe.PaymentIntent> {
  return auth === 'secret' ? pi : pick(pi, PAYMENT_PUBLIC);
}

function pick<T extends object, K extends keyof T>(obj: T, keys: readonly K[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) out[k] = obj[k];
  return structuredClone(out);
}
