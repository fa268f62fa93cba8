/* An Element ('card' or 'payment'): mount/unmount/destroy, events, and requests to its iframe. */
import type { ChangePayload, FrameConfig, PaymentMethodResult, ValidateResult } from '../protocol';
import { FrameChannel } from './frames';
import { Emitter, IntegrationError, merge, resolveMountNode, type Obj } from './util';

export type ElementType = 'card' | 'payment';

/** What an Element needs of its group (elements.ts), without importing it. */
export type ElementGroup = {
  readonly key: string;
  configFor(element: Element): Promise<FrameConfig>;
  remove(element: Element): void;
};

const ELEMENT_TITLES: Record<ElementType, string> = { card: 'Secure card payment input frame', payment: 'Secure payment input frame' };
const FORWARDED = ['ready', 'change', 'focus', 'blur', 'escape'];
const STATE_CLASSES = ['StripeElement', 'StripeElement--empty', 'StripeElement--complete', 'StripeElement--invalid', 'StripeElement--focus'];

const unmountedError = (): { error: ChangePayload['error'] & object } => ({
  error: { type: 'validation_error', code: 'element_not_mounted', message: 'The Element is not mounted. Mount it before confirming.' },
});

type Handler = (payload: unknown) => void;

export class Element {
  readonly options: Obj;
  readonly emitter = new Emitter();
  channel: FrameChannel | null = null;
  state: ChangePayload = { empty: true, complete: false, value: { type: 'card' } };
  private node: HTMLElement | null = null;
  private wrapper: HTMLDivElement | null = null;
  private destroyed = false;

  constructor(
    private readonly group: ElementGroup,
    readonly type: ElementType,
    options: unknown,
  ) {
    this.options = merge({}, options);
  }

  private assertAlive(): void {
    if (this.destroyed) throw IntegrationError('This Element has already been destroyed. Please create a new one.');
  }

  mount(target: unknown): void {
    this.assertAlive();
    if (this.channel) throw IntegrationError('This Element is already mounted. Use `unmount()` to unmount the Element before re-mounting.');
    const node = resolveMountNode(target);
    if (node.tagName === 'INPUT') throw IntegrationError('Elements cannot be mounted in a HTMLInputElement. You can mount it in a div instead.');
    const channel = new FrameChannel(this.type, this.group.key, ELEMENT_TITLES[this.type]);
    this.channel = channel;
    channel.onMessage((type, payload) => this.onFrameMessage(type, payload));
    const wrapper = document.createElement('div');
    wrapper.className = '__PrivateStripeElement';
    wrapper.style.cssText =
      'margin: 0 !important; padding: 0 !important; border: none !important; display: block !important; background: transparent !important; position: relative !important; opacity: 1 !important;';
    wrapper.appendChild(channel.iframe);
    node.appendChild(wrapper);
    node.classList.add('StripeElement', 'StripeElement--empty');
    this.node = node;
    this.wrapper = wrapper;
    if (this.type === 'payment') this.emitter.emit('loaderstart', { elementType: this.type });
    void this.group.configFor(this).then((config) => {
      if (this.channel === channel) channel.send('init', config);
    });
  }

  private onFrameMessage(type: string, payload: Obj): void {
    const node = this.node;
    if (type === 'change') {
      const change = payload as ChangePayload;
      this.state = change;
      node?.classList.toggle('StripeElement--empty', !!change.empty);
      node?.classList.toggle('StripeElement--complete', !!change.complete);
      node?.classList.toggle('StripeElement--invalid', !!change.error);
    }
    if (type === 'focus') node?.classList.add('StripeElement--focus');
    if (type === 'blur') node?.classList.remove('StripeElement--focus');
    if (FORWARDED.includes(type)) this.emitter.emit(type, { elementType: this.type, ...payload });
  }

  unmount(): void {
    this.assertAlive();
    if (!this.channel) return;
    this.channel.close();
    this.channel = null;
    this.wrapper?.parentNode?.removeChild(this.wrapper);
    this.node?.classList.remove(...STATE_CLASSES);
    this.node = null;
    this.wrapper = null;
  }

  destroy(): void {
    if (this.destroyed) return;
    if (this.channel) this.unmount();
    this.destroyed = true;
    this.group.remove(this);
  }

  on(event: string, handler: Handler): this {
    this.emitter.on(event, handler);
    return this;
  }
  addEventListener(event: string, handler: Handler): this {
    return this.on(event, handler);
  }
  off(event: string, handler?: Handler): this {
    this.emitter.off(event, handler);
    return this;
  }
  removeEventListener(event: string, handler?: Handler): this {
    return this.off(event, handler);
  }
  once(event: string, handler: Handler): this {
    this.emitter.once(event, handler);
    return this;
  }

  update(options: unknown): void {
    this.assertAlive();
    merge(this.options, options);
    this.channel?.send('update', { options: merge({}, options) });
  }

  private tell(name: string): void {
    this.assertAlive();
    this.channel?.send(name, {});
  }
  focus(): void {
    this.tell('focus');
  }
  blur(): void {
    this.tell('blur');
  }
  clear(): void {
    this.tell('clear');
  }
  collapse(): void {
    this.tell('collapse');
  }

  /** Validates the fields inside the iframe: `{}` or `{error: {type: 'validation_error', ...}}`. */
  validate(): Promise<ValidateResult> {
    return this.channel ? this.channel.request<ValidateResult>('validate') : Promise.resolve(unmountedError());
  }

  /** The iframe creates the PaymentMethod itself, so the card number never reaches this page. */
  createPaymentMethod(billingDetails: unknown): Promise<PaymentMethodResult> {
    if (!this.channel) return Promise.resolve(unmountedError());
    return this.channel.request<PaymentMethodResult>('create-payment-method', { billingDetails: billingDetails ?? null });
  }
}
