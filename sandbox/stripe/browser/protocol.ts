/**
 * What the page's Stripe.js and the element iframes say to each other by postMessage, and the
 * shapes both sides share. Both sides are bundled from TypeScript at serve time (bundle.ts).
 */
import type { Locale } from './labels';

type Json = string | number | boolean | null | undefined | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Stripe's error object as Stripe.js hands it to the page (`{error}`). */
export type StripeJsError = { type: string; code?: string; message?: string; decline_code?: string; param?: string; [key: string]: unknown };

/** A PaymentMethod as far as the page needs it. */
export type PaymentMethodLike = { id: string; type: string; [key: string]: unknown };

export type PaymentMethodResult = { paymentMethod: PaymentMethodLike; error?: undefined } | { error: StripeJsError; paymentMethod?: undefined };
export type ValidateResult = { error?: StripeJsError };

/** What an element iframe needs to render (sent on `init` and `config`). */
export type FrameConfig = {
  elementOptions: JsonObject;
  appearance: JsonObject | null;
  locale: Locale;
  paymentMethodTypes: string[];
  mode: string;
  currency: string | null;
  amount: number | null;
};

/** An element's state as its `change` events report it. */
export type ChangePayload = {
  empty: boolean;
  complete: boolean;
  brand?: string;
  collapsed?: boolean;
  error?: StripeJsError;
  value: { type?: string; postalCode?: string };
};

/** Every message carries this marker and the frame's id (frame → page). */
export type Envelope = { __stripeSandbox: true; frameId?: string; type: string; payload: JsonObject | Record<string, unknown> };

export const isEnvelope = (data: unknown): data is Envelope =>
  typeof data === 'object' &&
  data !== null &&
  (data as { __stripeSandbox?: unknown }).__stripeSandbox === true &&
  typeof (data as { type?: unknown }).type === 'string';

/** What the 3-D Secure test page posts to the page that opened it (Stripe.js's modal). */
export const THREE_DS_MESSAGE = 'stripe-sandbox:3ds-done';
