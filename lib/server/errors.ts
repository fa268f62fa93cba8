import { NextResponse } from 'next/server';
import type { Refused } from '@/lib/domain/outcomes';
import { errorBrand, hasBrand } from '@/lib/errors/brand';
import { isFarpayError } from '@/lib/farpay/errors';
import { isFenerumError } from '@/lib/fenerum/errors';
import { isQuickpayError } from '@/lib/quickpay/errors';
import { isStripeError, isStripeOutage } from '@/lib/stripe/errors';
import { answerFor } from './refusals';
import { log } from '@/lib/log';

const BRAND = errorBrand('refusal');

/**
 * A domain refusal thrown from below a route where nothing can be returned (the body reader: a
 * body too large, malformed JSON); the one mapper answers it as it answers a returned one.
 */
export class RefusalError extends Error {
  readonly [BRAND] = true;
  constructor(readonly refusal: Refused) {
    super(refusal.key ?? refusal.reason);
  }
}

export function isRefusalError(err: unknown): err is RefusalError {
  return hasBrand(err, BRAND);
}

/** Every JSON error body: the stable `code` a caller branches on, and a sentence (`error`) a person reads. */
export function jsonError(status: number, code: string, error: string, headers?: HeadersInit): NextResponse {
  return NextResponse.json({ error, code }, { status, headers });
}

export function refusalResponse(r: Refused): NextResponse {
  const a = answerFor(r);
  return jsonError(a.status, a.code, a.message, a.headers);
}

/** Which of the staff console's provider sentences (messages: staffRefusals.providers) says this failure. */
type ProviderSentence = 'fenerumNotFound' | 'fenerumBusy' | 'fenerumDown' | 'fenerumRefused' | 'quickpayDown' | 'farpayDown' | 'farpayRefused' | 'stripeDown';

/** What a person is told when a provider fails (`message` in English; `sentence` and `seconds` for a translated one). */
export type ProviderFailure = {
  status: number;
  /** The JSON body's `code`: `provider-unavailable` (503, try again), `provider-refused` (502), `provider-not-found` (404). */
  code: 'provider-unavailable' | 'provider-refused' | 'provider-not-found';
  message: string;
  headers?: Record<string, string>;
  provider: string;
  sentence: ProviderSentence;
  seconds?: number;
};

const later = { 'Retry-After': '60' };

/**
 * The one place provider errors become answers, recognised by brand (never `instanceof`,
 * which fails across Next's bundles): an outage is a 503 a person can act on, a refusal 502,
 * Fenerum's "no such thing" 404. Anything else is not a provider failure.
 */
export function providerFailure(err: unknown): ProviderFailure | null {
  if (isFenerumError(err)) {
    if (err.isNotFound) return { provider: 'fenerum', status: 404, code: 'provider-not-found', message: 'Not found at Fenerum', sentence: 'fenerumNotFound' };
    if (err.kind === 'over_budget') {
      const seconds = err.retryAfterSeconds ?? 60;
      const message = `Too many requests to Fenerum right now; please try again in ${seconds} seconds`;
      return {
        provider: 'fenerum',
        status: 503,
        code: 'provider-unavailable',
        message,
        headers: { 'Retry-After': String(seconds) },
        sentence: 'fenerumBusy',
        seconds,
      };
    }
    if (err.isTransient)
      return {
        provider: 'fenerum',
        status: 503,
        code: 'provider-unavailable',
        message: 'Fenerum is not answering right now; please try again in a minute',
        headers: later,
        sentence: 'fenerumDown',
      };
    return { provider: 'fenerum', status: 502, code: 'provider-refused', message: 'Fenerum refused the request', sentence: 'fenerumRefused' };
  }
  if (isQuickpayError(err)) {
    return {
      provider: 'quickpay',
      status: err.isTransient ? 503 : 502,
      code: err.isTransient ? 'provider-unavailable' : 'provider-refused',
      message: 'QuickPay is not available right now; please try again in a minute',
      headers: err.isTransient ? later : undefined,
      sentence: 'quickpayDown',
    };
  }
  if (isFarpayError(err)) {
    return {
      provider: 'farpay',
      status: err.isTransient ? 503 : 502,
      code: err.isTransient ? 'provider-unavailable' : 'provider-refused',
      message: err.isTransient ? 'FarPay is not answering right now; please try again in a minute' : 'FarPay refused the request',
      headers: err.isTransient ? later : undefined,
      sentence: err.isTransient ? 'farpayDown' : 'farpayRefused',
    };
  }
  if (isStripeError(err)) {
    const outage = isStripeOutage(err);
    return {
      provider: 'stripe',
      status: outage ? 503 : 502,
      code: outage ? 'provider-unavailable' : 'provider-refused',
      message: 'Stripe is not answering right now; nothing was lost, please try again in a minute',
      headers: outage ? later : undefined,
      sentence: 'stripeDown',
    };
  }
  return null;
}

/**
 * Maps any thrown error to a response: a thrown refusal goes through the refusal table; a provider failure
 * is a 502/503 with a message a person can act on; anything else is a 500 that hides internals
 * (and is logged).
 */
export function errorResponse(err: unknown): NextResponse {
  if (isRefusalError(err)) return refusalResponse(err.refusal);
  const failure = providerFailure(err);
  if (failure) {
    // Our own budget turning a call away (nothing was sent to Fenerum) is load shed as designed, not
    // a fault: one short line, not an error with its stack for each of a burst's refusals.
    if (isFenerumError(err) && err.kind === 'over_budget')
      log.warn(
        { provider: failure.provider, status: failure.status, retryAfterSeconds: err.retryAfterSeconds },
        'fenerum: not sent, the budget is spent for now',
      );
    else log.error({ provider: failure.provider, status: failure.status, err }, `${failure.provider} failed`);
    return jsonError(failure.status, failure.code, failure.message, failure.headers);
  }
  log.error({ err }, 'request failed');
  return jsonError(500, 'internal', 'Something went wrong on our side');
}
