/* Shared helpers of the sandbox Stripe.js (the page side). */

/** Filled in when the bundle is served (bundle.ts wraps it in a function taking SANDBOX). */
declare const SANDBOX: { apiUrl: string; version: string };

export const API_URL = SANDBOX.apiUrl;
export const API_ORIGIN = new URL(API_URL).origin;
export const STRIPE_JS_VERSION = SANDBOX.version;

/** Stripe.js throws IntegrationError for programming mistakes (bad arguments, wrong order). */
export function IntegrationError(message: string): Error {
  const error = new Error(message);
  error.name = 'IntegrationError';
  return error;
}

export type Obj = Record<string, unknown>;

export const isObject = (value: unknown): value is Obj => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The object's own keys copied over, skipping anything that is not an object. */
export function merge<T extends Obj>(target: T, ...sources: unknown[]): T {
  for (const source of sources) if (isObject(source)) Object.assign(target, source);
  return target;
}

let uidCounter = 0;
export function uid(prefix: string): string {
  uidCounter += 1;
  return prefix + uidCounter + Math.random().toString(36).slice(2, 8);
}

type Listener = (payload: unknown) => void;

/** A tiny event emitter with Stripe's on/off/once semantics. */
export class Emitter {
  private handlers: Record<string, Listener[]> = {};

  on(event: string, handler: Listener): void {
    if (typeof handler !== 'function') throw IntegrationError('When adding an event listener, the handler must be a function.');
    (this.handlers[event] ??= []).push(handler);
  }

  off(event: string, handler?: Listener): void {
    if (!handler) {
      delete this.handlers[event];
      return;
    }
    const list = this.handlers[event] ?? [];
    const i = list.indexOf(handler);
    if (i >= 0) list.splice(i, 1);
  }

  once(event: string, handler: Listener): void {
    const wrapper: Listener = (payload) => {
      this.off(event, wrapper);
      handler(payload);
    };
    this.on(event, wrapper);
  }

  emit(event: string, payload: unknown): void {
    for (const handler of (this.handlers[event] ?? []).slice()) {
      try {
        handler(payload);
      } catch (err) {
        setTimeout(() => {
          throw err;
        });
      }
    }
  }
}

/** A DOM node from a selector or a node, as `element.mount()` accepts. */
export function resolveMountNode(target: unknown): HTMLElement {
  if (typeof target === 'string') {
    const found = document.querySelector<HTMLElement>(target);
    if (!found) {
      throw IntegrationError(
        `The selector you specified (${target}) applies to no DOM elements that are currently on the page.\nMake sure the element exists on the page before calling mount().`,
      );
    }
    return found;
  }
  if (target instanceof HTMLElement) return target;
  throw IntegrationError('Invalid DOM element. Make sure to call mount() with a valid DOM element or selector.');
}

export type IntentKind = 'setup_intent' | 'payment_intent';
export type ParsedSecret = { id: string; kind: IntentKind };

/** `seti_123_secret_abc` → { id, kind }. */
export function parseClientSecret(clientSecret: unknown, method: string): ParsedSecret {
  const m = typeof clientSecret === 'string' ? /^((seti|pi)_[A-Za-z0-9]+)_secret_[A-Za-z0-9]+$/.exec(clientSecret) : null;
  if (!m?.[1]) {
    throw IntegrationError(
      `Invalid value for ${method}: clientSecret should be a client secret of the form \${id}_secret_\${secret}. You specified: ${String(clientSecret)}.`,
    );
  }
  return { id: m[1], kind: m[2] === 'seti' ? 'setup_intent' : 'payment_intent' };
}

/** A promise that never settles: what Stripe.js returns while the page navigates away. */
export function navigateAway<T>(url: string): Promise<T> {
  window.location.assign(url);
  return new Promise<T>(() => undefined);
}
