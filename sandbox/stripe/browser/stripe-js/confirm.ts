/* Confirming intents as Stripe.js does: create the PaymentMethod (in the iframe), confirm with
   the publishable key and client secret, run 3-D Secure, then resolve or redirect. */
import type { PaymentMethodLike, StripeJsError } from '../protocol';
import { confirmIntentRequest, resultKey, retrieveIntent, type ApiResult, type Intent } from './api';
import { Element } from './element';
import type { Elements } from './elements';
import { performNextAction } from './three-d-secure';
import { IntegrationError, isObject, merge, navigateAway, parseClientSecret, type IntentKind, type Obj } from './util';

export type IntentResult = { error: StripeJsError } | { setupIntent: Intent } | { paymentIntent: Intent };
type Settle = { method: string; redirect?: string; returnUrl?: string; handleActions?: boolean };
type KeyHolder = { readonly key: string };

const AUTHENTICATION_FAILED = 'We are unable to authenticate your payment method. Please choose a different payment method and try again.';
const label = (kind: IntentKind) => (kind === 'setup_intent' ? 'SetupIntent' : 'PaymentIntent');

/** `{error}` for an intent that ended back in `requires_payment_method` (e.g. failed 3-D Secure). */
function errorFromIntent(kind: IntentKind, intent: Intent): IntentResult {
  const last = kind === 'setup_intent' ? intent.last_setup_error : intent.last_payment_error;
  const error: StripeJsError = { type: 'invalid_request_error', ...(isObject(last) ? last : {}) };
  if (/_authentication_failure$/.test(error.code ?? '')) error.message = AUTHENTICATION_FAILED;
  error[kind] = intent;
  return { error };
}

function successUrl(returnUrl: string, kind: IntentKind, intent: Intent): string {
  const url = new URL(returnUrl, window.location.href);
  url.searchParams.set(kind, intent.id);
  url.searchParams.set(`${kind}_client_secret`, intent.client_secret);
  url.searchParams.set('redirect_status', intent.status === 'processing' ? 'processing' : 'succeeded');
  return url.toString();
}

const intentResult = (kind: IntentKind, intent: Intent): IntentResult =>
  resultKey(kind) === 'setupIntent' ? { setupIntent: intent } : { paymentIntent: intent };

/**
 * After a confirm call: handle `requires_action`, then resolve `{setupIntent|paymentIntent}`
 * or `{error}`; with `redirect: 'always'` navigate to the return_url on success.
 */
async function settleIntent(stripe: KeyHolder, kind: IntentKind, clientSecret: string, intent: Intent, opts: Settle): Promise<IntentResult> {
  const needsAction = intent.status === 'requires_action' && opts.handleActions !== false;
  let result: ApiResult<Intent> = { body: intent };
  if (needsAction) {
    await performNextAction(intent);
    result = await retrieveIntent(stripe.key, clientSecret, opts.method);
  }
  if (result.error) return { error: result.error };
  const current = result.body;
  if (needsAction && current.status === 'requires_payment_method') return errorFromIntent(kind, current);
  const ok = ['succeeded', 'processing', 'requires_capture'].includes(current.status);
  if (ok && opts.redirect === 'always' && opts.returnUrl) return navigateAway(successUrl(opts.returnUrl, kind, current));
  return intentResult(kind, current);
}

export async function confirmWith(stripe: KeyHolder, kind: IntentKind, clientSecret: string, params: Obj, opts: Settle): Promise<IntentResult> {
  const result = await confirmIntentRequest(stripe.key, clientSecret, opts.method, params);
  if (result.error) return { error: result.error };
  return settleIntent(stripe, kind, clientSecret, result.body, opts);
}

export function assertKind(clientSecret: unknown, kind: IntentKind, method: string): string {
  const parsed = parseClientSecret(clientSecret, method);
  if (parsed.kind !== kind) throw IntegrationError(`${method}: expected a ${label(kind)} client secret, got ${parsed.id}.`);
  return clientSecret as string;
}

/** Parameters for a PaymentMethod made from an Element: its id, plus SEPA's mandate acceptance. */
export function paymentMethodParams(pm: PaymentMethodLike): Obj {
  const params: Obj = { payment_method: pm.id };
  if (pm.type === 'sepa_debit') params.mandate_data = { customer_acceptance: { type: 'online', online: { infer_from_client: 'true' } } };
  return params;
}

/** `stripe.confirmSetup` / `stripe.confirmPayment` with the Payment Element. */
export async function confirmWithElements(stripe: KeyHolder, kind: IntentKind, given: unknown, method: string): Promise<IntentResult> {
  const options = isObject(given) ? given : {};
  const elements = options.elements as Elements | undefined;
  const confirmParams = isObject(options.confirmParams) ? options.confirmParams : {};
  const redirect = typeof options.redirect === 'string' ? options.redirect : 'always';
  const returnUrl = typeof confirmParams.return_url === 'string' ? confirmParams.return_url : undefined;
  const clientSecret = options.clientSecret ?? elements?.clientSecret;
  if (!clientSecret) throw IntegrationError(`${method}(): the \`clientSecret\` argument is required when the Elements group was created without one.`);
  assertKind(clientSecret, kind, method);
  if (redirect !== 'if_required' && !returnUrl) {
    throw IntegrationError(`${method}(): the \`confirmParams.return_url\` argument is required unless passing \`redirect: 'if_required'\``);
  }
  const opts: Settle = { method, redirect, returnUrl };
  const base: Obj = {};
  if (returnUrl) base.return_url = returnUrl;
  if (kind === 'payment_intent' && confirmParams.setup_future_usage) base.setup_future_usage = confirmParams.setup_future_usage;
  const secret = clientSecret as string;
  if (!elements) {
    if (typeof confirmParams.payment_method !== 'string') throw IntegrationError(`${method}(): pass \`elements\` or \`confirmParams.payment_method\`.`);
    return confirmWith(stripe, kind, secret, merge(base, { payment_method: confirmParams.payment_method }), opts);
  }
  if (!elements.clientSecret && !elements.submitted) {
    throw IntegrationError(
      `elements.submit() must be called before ${method}(). Call elements.submit() as soon as your customer presses pay, prior to any asynchronous work.`,
    );
  }
  const element = elements.getElement('payment') ?? elements.getElement('card');
  if (!element) throw IntegrationError(`${method}(): the Elements group has no mounted Payment Element.`);
  const pmData = isObject(confirmParams.payment_method_data) ? confirmParams.payment_method_data : {};
  const result = await element.createPaymentMethod(pmData.billing_details);
  if (result.error) return { error: result.error };
  return confirmWith(stripe, kind, secret, merge(base, paymentMethodParams(result.paymentMethod)), opts);
}

/** `payment_method` of confirmCard*: an id, `{card: element, billing_details}`, or absent. */
async function cardPaymentMethod(data: Obj): Promise<{ params: Obj } | { error: StripeJsError }> {
  const pm = data.payment_method;
  if (pm === undefined) return { params: {} };
  if (typeof pm === 'string') return { params: { payment_method: pm } };
  if (isObject(pm) && pm.card instanceof Element) {
    const result = await pm.card.createPaymentMethod(pm.billing_details);
    return result.error ? { error: result.error } : { params: paymentMethodParams(result.paymentMethod) };
  }
  throw IntegrationError('Invalid value for payment_method: pass a PaymentMethod id or {card: cardElement}.');
}

export async function confirmCard(
  stripe: KeyHolder,
  kind: IntentKind,
  clientSecret: unknown,
  given: unknown,
  options: unknown,
  method: string,
): Promise<IntentResult> {
  const secret = assertKind(clientSecret, kind, method);
  const data = isObject(given) ? given : {};
  const extra: Obj = {};
  if (data.return_url) extra.return_url = data.return_url;
  if (kind === 'payment_intent' && data.setup_future_usage) extra.setup_future_usage = data.setup_future_usage;
  const opts: Settle = { method, redirect: 'never', handleActions: !isObject(options) || options.handleActions !== false };
  const pm = await cardPaymentMethod(data);
  if ('error' in pm) return { error: pm.error };
  return confirmWith(stripe, kind, secret, merge(extra, pm.params), opts);
}

/** `handleNextAction` / `handleCardAction`: only for an intent in `requires_action`. */
export async function handleNextActionFor(stripe: KeyHolder, clientSecret: string, method: string): Promise<IntentResult> {
  const kind = parseClientSecret(clientSecret, method).kind;
  const result = await retrieveIntent(stripe.key, clientSecret, method);
  if (result.error) return { error: result.error };
  const intent = result.body;
  if (intent.status !== 'requires_action') {
    const error: StripeJsError = {
      type: 'invalid_request_error',
      code: `${kind}_unexpected_state`,
      message: `${method}: the ${label(kind)} is in status ${intent.status}, not requires_action.`,
    };
    error[kind] = intent;
    return { error };
  }
  return settleIntent(stripe, kind, clientSecret, intent, { method, redirect: 'never' });
}
