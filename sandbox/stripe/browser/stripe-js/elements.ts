/* An Elements group (`stripe.elements(options)`): one Element of each type at a time. */
import { compatibleWith, DASHBOARD_METHODS } from '../dashboard';
import { resolveLocale } from '../labels';
import type { FrameConfig, JsonObject, StripeJsError } from '../protocol';
import { retrieveIntent } from './api';
import { Element, type ElementGroup, type ElementType } from './element';
import { IntegrationError, isObject, merge, parseClientSecret, type Obj } from './util';

const SUPPORTED_ELEMENTS: readonly string[] = ['card', 'payment'];
const MODES = ['payment', 'setup', 'subscription'];

/** What the group needs of its Stripe instance. */
export type StripeLike = { readonly key: string; readonly locale: unknown };

const TYPE_LISTS = ['allowedPaymentMethodTypes', 'excludedPaymentMethodTypes'] as const;

/**
 * Stripe.js `endive` takes the payment methods from the intent or the Dashboard; the Elements
 * option `paymentMethodTypes` is refused, as the real one refuses it (PROVIDERS.md; Stripe's
 * changelog "Removes support for the payment method types option in Elements"). Without an
 * intent, `allowedPaymentMethodTypes` narrows the Dashboard's methods and
 * `excludedPaymentMethodTypes` leaves some out: each an array of type names.
 */
function checkTypeOptions(options: Obj, method: string): void {
  if (options.paymentMethodTypes !== undefined) {
    throw IntegrationError(
      `Invalid value for ${method}: paymentMethodTypes is not supported by this version of Stripe.js (endive). The payment methods shown come from the intent's allowed_payment_method_types or your Dashboard settings; without an intent use allowedPaymentMethodTypes to limit them, or excludedPaymentMethodTypes to leave some out.`,
    );
  }
  for (const name of TYPE_LISTS) {
    const value = options[name];
    if (value === undefined) continue;
    if (!Array.isArray(value) || value.some((t) => typeof t !== 'string')) {
      throw IntegrationError(`Invalid value for ${method}: ${name} should be an array of payment method types. You specified: ${JSON.stringify(value)}.`);
    }
  }
}

const typeList = (value: unknown): string[] | null => (Array.isArray(value) ? (value as string[]) : null);

export class Elements implements ElementGroup {
  readonly options: Obj;
  submitted = false;
  private elements: Partial<Record<ElementType, Element>> = {};
  private typesPromise: Promise<string[]> | null = null;
  private loadError: StripeJsError | null = null;

  constructor(
    private readonly stripe: StripeLike,
    given: unknown,
  ) {
    const options = isObject(given) ? given : {};
    if (options.clientSecret !== undefined) parseClientSecret(options.clientSecret, 'stripe.elements()');
    if (options.mode !== undefined && !MODES.includes(String(options.mode))) {
      throw IntegrationError(
        `Invalid value for elements(): mode should be one of the following strings: payment, setup, subscription. You specified: ${String(options.mode)}.`,
      );
    }
    checkTypeOptions(options, 'elements()');
    this.options = merge({}, options);
  }

  get key(): string {
    return this.stripe.key;
  }

  get clientSecret(): string | undefined {
    return typeof this.options.clientSecret === 'string' ? this.options.clientSecret : undefined;
  }

  create(type: string, options?: unknown): Element {
    if (!SUPPORTED_ELEMENTS.includes(type)) {
      throw IntegrationError(`The sandbox Stripe.js supports the "card" and "payment" Elements; "${type}" is not available.`);
    }
    const kind = type as ElementType;
    if (kind === 'payment' && !this.options.clientSecret && !this.options.mode) {
      throw IntegrationError(
        'In order to create a payment element, you must pass a valid PaymentIntent or SetupIntent client secret when creating the Elements group.\n\n  e.g. stripe.elements({clientSecret: "{{CLIENT_SECRET}}"})',
      );
    }
    if (this.elements[kind]) throw IntegrationError(`Can only create one Element of type ${type}.`);
    const element = new Element(this, kind, options);
    this.elements[kind] = element;
    return element;
  }

  /** A type string, or a react-stripe-js component (which carries `__elementType`). */
  getElement(typeOrComponent: unknown): Element | null {
    const type = typeof typeOrComponent === 'string' ? typeOrComponent : (typeOrComponent as { __elementType?: string } | null)?.__elementType;
    return (type === 'card' || type === 'payment' ? this.elements[type] : undefined) ?? null;
  }

  remove(element: Element): void {
    if (this.elements[element.type] === element) delete this.elements[element.type];
  }

  update(given: unknown): void {
    let options = isObject(given) ? given : {};
    checkTypeOptions(options, 'elements.update()');
    if (options.clientSecret !== undefined && options.clientSecret !== this.options.clientSecret) {
      console.warn('Unsupported prop change: options.clientSecret is not a mutable property.');
      options = merge({}, options);
      delete options.clientSecret;
    }
    merge(this.options, options);
    this.typesPromise = null;
    this.pushConfig();
  }

  async fetchUpdates(): Promise<Obj> {
    this.typesPromise = null;
    this.pushConfig();
    await this.paymentMethodTypes();
    return {};
  }

  private pushConfig(): void {
    for (const element of Object.values(this.elements)) {
      if (!element.channel) continue;
      void this.configFor(element).then((config) => element.channel?.send('config', config));
    }
  }

  /** Payment method types: the intent's (client secret); without one, the Dashboard's as the options narrow them. */
  private paymentMethodTypes(): Promise<string[]> {
    const clientSecret = this.clientSecret;
    this.typesPromise ??= clientSecret
      ? retrieveIntent(this.key, clientSecret, 'stripe.elements()').then((result) => {
          if (result.error) this.loadError = result.error;
          return result.body?.payment_method_types ?? ['card'];
        })
      : Promise.resolve(this.deferredTypes());
    return this.typesPromise;
  }

  /** Without an intent: the Dashboard's methods, within `allowedPaymentMethodTypes`, less `excludedPaymentMethodTypes`, that suit the mode and currency. */
  private deferredTypes(): string[] {
    const allowed = typeList(this.options.allowedPaymentMethodTypes);
    const excluded = typeList(this.options.excludedPaymentMethodTypes);
    const currency = typeof this.options.currency === 'string' ? this.options.currency : undefined;
    const suits = compatibleWith(String(this.options.mode ?? 'payment'), currency);
    const types = DASHBOARD_METHODS.filter((t) => (!allowed || allowed.includes(t)) && !excluded?.includes(t) && suits(t));
    if (types.length > 0) {
      this.loadError = null;
      return types;
    }
    this.loadError = {
      type: 'invalid_request_error',
      code: 'payment_method_invalid_parameter',
      message: 'None of the payment method types allowed for these Elements are activated in your Dashboard or compatible with them.',
    };
    return ['card'];
  }

  /** What an Element's iframe needs to render. */
  async configFor(element: Element): Promise<FrameConfig> {
    const types = await this.paymentMethodTypes();
    const options = this.options;
    // Stripe emits `loaderror` when the Payment Element cannot load its intent.
    if (this.loadError && element.type === 'payment') element.emitter.emit('loaderror', { elementType: 'payment', error: this.loadError });
    return {
      elementOptions: element.options as JsonObject,
      appearance: isObject(options.appearance) ? (options.appearance as JsonObject) : null,
      locale: resolveLocale(options.locale ?? this.stripe.locale, navigator.language),
      paymentMethodTypes: element.type === 'card' ? ['card'] : types,
      mode: typeof options.mode === 'string' ? options.mode : this.clientSecret?.startsWith('seti_') ? 'setup' : 'payment',
      currency: typeof options.currency === 'string' ? options.currency : null,
      amount: typeof options.amount === 'number' ? options.amount : null,
    };
  }

  /** Validates the Payment Element (required before confirming in deferred-intent mode). */
  async submit(): Promise<{ error: StripeJsError } | { selectedPaymentMethod: string }> {
    const element = this.elements.payment ?? this.elements.card;
    if (!element) throw IntegrationError('elements.submit(): there is no mounted Payment Element in this Elements group.');
    const result = await element.validate();
    if (result.error) return { error: result.error };
    this.submitted = true;
    return { selectedPaymentMethod: element.state.value.type ?? 'card' };
  }
}
