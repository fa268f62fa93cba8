import type { Refused, RefusalReason } from '@/lib/domain/outcomes';

type Answer = { status: number; message: string; headers?: Record<string, string> };

/** The one table from a domain refusal to what the caller hears; a use case's own message wins. */
export const refusalAnswers: Record<RefusalReason, Answer> = {
  'session-ended': { status: 401, message: 'Your session has ended; open your card portal link again' },
  unauthenticated: { status: 401, message: 'Missing or wrong credentials' },
  forbidden: { status: 403, message: 'Your role does not allow this' },
  forged: { status: 403, message: 'The signature does not verify' },
  'invalid-input': { status: 400, message: 'Invalid request' },
  'too-large': { status: 413, message: 'Body too large' },
  'not-found': { status: 404, message: 'Not found' },
  'other-account': { status: 403, message: 'That belongs to another account' },
  'not-confirmed': { status: 409, message: 'Not confirmed by the provider yet' },
  'no-payment-method': { status: 422, message: 'The provider returned no payment method' },
  'card-refused': { status: 422, message: 'Fenerum refused the card; please try another card' },
  'cross-site': { status: 403, message: 'This request did not come from the card portal’s own pages, so nothing was done' },
  'unsupported-type': { status: 415, message: 'Send the body as JSON (Content-Type: application/json)' },
  'too-many': { status: 429, message: 'Too many card setups were started for this account in the last hour; please try again later' },
  disabled: { status: 404, message: 'Not found' },
};

export function answerFor(r: Refused): Answer {
  const base = refusalAnswers[r.reason];
  const told = r.message ? { ...base, message: r.message } : base;
  if (r.retryAfterSeconds === undefined) return told;
  return { ...told, headers: { ...told.headers, 'Retry-After': String(Math.max(1, Math.ceil(r.retryAfterSeconds))) } };
}
