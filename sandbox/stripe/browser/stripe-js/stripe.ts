/* window.Stripe(publishableKey, options): the surface @stripe/stripe-js and
   @stripe/react-stripe-js use (they check elements, createToken, createPaymentMethod and
   confirmCardPayment exist). The bundle's entry point. */
import type { PaymentMethodResult, StripeJsError } from '../protocol';
import { apiRequest, type ApiResult, type Intent } from './api';
import { assertKind, confirmCard, confirmWith, confirmWithElements, handleNextActionFor, paymentMethodParams } from './confirm';
import { Element } from './element';
import { Elements } from './elements';
import { API_URL, Emitter, IntegrationError, isObject, merge, STRIPE_JS_VERSION, type Obj } from './util';

const UNSUPPORTED: { error: StripeJsError } = {
  error: {
    type: 'invalid_request_error',
    code: 'sandbox_unsupported',
    message: 'Tokens are not available in the sandbox; use PaymentMethods (createPaymentMethod / confirmSetup).',
  },
};

const asPaymentMethod = (r: ApiResult<Obj> | PaymentMethodResult) =>
  r.error ? { error: r.error } : { paymentMethod: 'paymentMethod' in r ? r.paymentMethod : r.body };

class StripeSandbox {
  readonly key: string;
  readonly options: Obj;

  constructor(key: unknown, options: unknown) {
    if (typeof key !== 'string' || key === '') throw IntegrationError('Please call Stripe() with your publishable key. You used an empty string.');
    if (key.startsWith('sk_')) throw IntegrationError('You should not use your secret key with Stripe.js.\nPlease pass a publishable key instead.');
    if (!key.startsWith('pk_')) throw IntegrationError(`Invalid API Key provided: ${key}`);
    this.key = key;
    this.options = isObject(options) ? options : {};
  }

  /** `Stripe(key, {locale})`; the Elements group's own `locale` wins. */
  get locale(): unknown {
    return this.options.locale;
  }

  elements(options?: unknown) {
    return new Elements(this, options);
  }

  confirmSetup(options: unknown) {
    return confirmWithElements(this, 'setup_intent', options, 'stripe.confirmSetup');
  }
  confirmPayment(options: unknown) {
    return confirmWithElements(this, 'payment_intent', options, 'stripe.confirmPayment');
  }
  confirmCardSetup(clientSecret: unknown, data?: unknown, options?: unknown) {
    return confirmCard(this, 'setup_intent', clientSecret, data, options, 'stripe.confirmCardSetup');
  }
  confirmCardPayment(clientSecret: unknown, data?: unknown, options?: unknown) {
    return confirmCard(this, 'payment_intent', clientSecret, data, options, 'stripe.confirmCardPayment');
  }

  async confirmSepaDebitSetup(clientSecret: unknown, given?: unknown) {
    const secret = assertKind(clientSecret, 'setup_intent', 'stripe.confirmSepaDebitSetup');
    const data = isObject(given) ? given : {};
    const pm = data.payment_method;
    const created: ApiResult<Obj> =
      typeof pm === 'string'
        ? { body: { id: pm, type: 'sepa_debit' } }
        : await apiRequest(this.key, 'POST', '/v1/payment_methods', {
            type: 'sepa_debit',
            sepa_debit: isObject(pm) ? pm.sepa_debit : undefined,
            billing_details: isObject(pm) ? pm.billing_details : undefined,
          });
    if (created.error) return { error: created.error };
    const params = merge(
      paymentMethodParams({ id: String(created.body.id), type: String(created.body.type) }),
      data.return_url ? { return_url: data.return_url } : {},
    );
    return confirmWith(this, 'setup_intent', secret, params, { method: 'stripe.confirmSepaDebitSetup', redirect: 'never' });
  }

  handleNextAction(options: unknown) {
    if (!isObject(options) || typeof options.clientSecret !== 'string') throw IntegrationError('stripe.handleNextAction(): pass { clientSecret }.');
    return handleNextActionFor(this, options.clientSecret, 'stripe.handleNextAction');
  }
  handleCardAction(clientSecret: string) {
    return handleNextActionFor(this, clientSecret, 'stripe.handleCardAction');
  }
  handleCardSetup(clientSecret: unknown, element: unknown, data?: unknown) {
    return confirmCard(this, 'setup_intent', clientSecret, merge({ payment_method: { card: element } }, data), {}, 'stripe.handleCardSetup');
  }

  async retrieveSetupIntent(clientSecret: unknown) {
    const secret = assertKind(clientSecret, 'setup_intent', 'stripe.retrieveSetupIntent');
    const r = await apiRequest<Intent>(this.key, 'GET', `/v1/setup_intents/${secret.split('_secret_')[0] ?? ''}`, { client_secret: secret });
    return r.error ? { error: r.error } : { setupIntent: r.body };
  }
  async retrievePaymentIntent(clientSecret: unknown) {
    const secret = assertKind(clientSecret, 'payment_intent', 'stripe.retrievePaymentIntent');
    const r = await apiRequest<Intent>(this.key, 'GET', `/v1/payment_intents/${secret.split('_secret_')[0] ?? ''}`, { client_secret: secret });
    return r.error ? { error: r.error } : { paymentIntent: r.body };
  }

  /** createPaymentMethod({type:'card', card: element, billing_details}) | ({elements, params}) | ('card', element, data). */
  async createPaymentMethod(a: unknown, b?: unknown, c?: unknown) {
    const data: Obj = typeof a === 'string' ? merge({ type: a, card: b }, c) : isObject(a) ? a : {};
    const elements = data.elements;
    if (elements instanceof Elements) {
      const element = elements.getElement('payment') ?? elements.getElement('card');
      if (!element) throw IntegrationError('stripe.createPaymentMethod(): the Elements group has no mounted Element.');
      return asPaymentMethod(await element.createPaymentMethod(isObject(data.params) ? data.params.billing_details : undefined));
    }
    if (data.card instanceof Element) return asPaymentMethod(await data.card.createPaymentMethod(data.billing_details));
    if (data.type === 'sepa_debit') {
      return asPaymentMethod(
        await apiRequest(this.key, 'POST', '/v1/payment_methods', { type: 'sepa_debit', sepa_debit: data.sepa_debit, billing_details: data.billing_details }),
      );
    }
    throw IntegrationError('stripe.createPaymentMethod(): pass a card Element, the Elements group, or sepa_debit details.');
  }

  createToken() {
    return Promise.resolve(UNSUPPORTED);
  }
  createSource() {
    return Promise.resolve(UNSUPPORTED);
  }
  createConfirmationToken() {
    return Promise.resolve(UNSUPPORTED);
  }

  paymentRequest() {
    const emitter = new Emitter();
    const request = {
      canMakePayment: () => Promise.resolve(null),
      show: () => undefined,
      update: () => undefined,
      on: (e: string, h: (payload: unknown) => void) => (emitter.on(e, h), request),
      off: (e: string, h?: (payload: unknown) => void) => (emitter.off(e, h), request),
    };
    return request;
  }

  registerAppInfo() {}
  _registerWrapper() {}
}

type StripeConstructor = ((key: unknown, options?: unknown) => StripeSandbox) & { version: string; sandbox: { apiUrl: string } };

// A plain function, as the real one: @stripe/stripe-js calls `window.Stripe(key, options)`.
const Stripe = function Stripe(key: unknown, options?: unknown) {
  return new StripeSandbox(key, options);
} as StripeConstructor;
Stripe.version = STRIPE_JS_VERSION;
Stripe.sandbox = { apiUrl: API_URL };
(window as unknown as { Stripe: StripeConstructor }).Stripe = Stripe;
