/** Stripe's error envelope (`{error: {...}}`) and the statuses it comes with. */
type StripeErrorType = 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';

export type StripeErrorBody = {
  type: StripeErrorType;
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  doc_url?: string;
  request_log_url?: string;
  charge?: string;
  payment_method?: unknown;
  payment_intent?: unknown;
  setup_intent?: unknown;
};

export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    /** False for errors raised while validating parameters: Stripe does not store those for idempotent replays. */
    readonly replayable = true,
  ) {
    super(body.message);
  }
}

export const docUrl = (code: string): string => `https://stripe.com/docs/error-codes/${code.replace(/_/g, '-')}`;

type Opts = { param?: string; code?: string; status?: number; replayable?: boolean };

export function invalidRequest(message: string, opts: Opts = {}): StripeApiError {
  const body: StripeErrorBody = { type: 'invalid_request_error', message };
  if (opts.code) Object.assign(body, { code: opts.code, doc_url: docUrl(opts.code) });
  if (opts.param) body.param = opts.param;
  return new StripeApiError(opts.status ?? 400, body, opts.replayable ?? false);
}

/** A parameter problem found before anything ran. */
export const paramError = (message: string, param: string, code = 'parameter_invalid'): StripeApiError => invalidRequest(message, { param, code });

export const missingParam = (param: string): StripeApiError => invalidRequest(`Missing required param: ${param}.`, { param, code: 'parameter_missing' });

/**
 * "No such customer: 'cus_x'". 404 when the URL names the missing object; 400 when a
 * parameter does (as Stripe answers both).
 */
export function noSuch(label: string, id: string, param?: string): StripeApiError {
  return invalidRequest(`No such ${label}: '${id}'`, {
    code: 'resource_missing',
    param: param ?? 'id',
    status: param ? 400 : 404,
  });
}

/** A state conflict (`setup_intent_unexpected_state`, …): runs are stored for replay. */
export function stateError(message: string, code: string, extra: Partial<StripeErrorBody> = {}): StripeApiError {
  return new StripeApiError(400, { type: 'invalid_request_error', code, doc_url: docUrl(code), message, ...extra });
}

export type Decline = { code: string; decline_code?: string; message: string; param?: string };

export function cardError(decline: Decline, extra: Partial<StripeErrorBody> = {}, replayable = true): StripeApiError {
  return new StripeApiError(402, { type: 'card_error', doc_url: docUrl(decline.code), ...decline, ...extra }, replayable);
}
