import { errorBrand, hasBrand } from '@/lib/errors/brand';
import type { ProviderFailure } from '@/lib/provider-http';

const BRAND = errorBrand('quickpay');

/** Every QuickPay failure: `status` 0 when no answer came; the message is safe to log. */
export class QuickpayError extends Error {
  readonly [BRAND] = true;
  constructor(
    readonly status: number,
    message: string,
    readonly errors: Record<string, string[]> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'QuickpayError';
  }
  get isTransient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

/** True for a QuickpayError built by any bundle. */
export function isQuickpayError(err: unknown): err is QuickpayError {
  return hasBrand(err, BRAND);
}

/** `{message, errors, error_code}`: each part read on its own, so an odd one does not hide the others. */
function readErrorBody(body: unknown): { message: string; errors: Record<string, string[]> } {
  if (!body || typeof body !== 'object') return { message: '', errors: {} };
  const b = body as { message?: unknown; errors?: unknown };
  const errors: Record<string, string[]> = {};
  if (b.errors && typeof b.errors === 'object' && !Array.isArray(b.errors)) {
    for (const [field, value] of Object.entries(b.errors)) {
      const list = Array.isArray(value) ? value : [value];
      errors[field] = list.filter((m): m is string => typeof m === 'string');
    }
  }
  return { message: typeof b.message === 'string' ? b.message : '', errors };
}

/** A provider-http failure as a QuickpayError (no key, no body, no URL query in the message). */
export function toQuickpayError(f: ProviderFailure, call: { operation: string }): QuickpayError {
  const op = call.operation;
  switch (f.kind) {
    case 'network':
      return new QuickpayError(0, `QuickPay could not be reached (${op})`, {}, { cause: f.cause });
    case 'timeout':
      return new QuickpayError(0, `QuickPay did not answer in time (${op})`, {}, { cause: f.cause });
    case 'invalid_response':
      return new QuickpayError(502, `QuickPay sent a response the portal does not understand (${op}: ${f.detail})`, {}, { cause: f.cause });
    case 'invalid_request':
      return new QuickpayError(400, `Invalid request to QuickPay (${op}): ${f.detail}`);
    case 'over_budget':
    case 'aborted': // QuickPay has no limiter and no caller passes a signal yet: both mean nothing usable came back
      return new QuickpayError(0, `QuickPay was not asked (${op}): ${f.kind}`);
    case 'http': {
      const { message, errors } = readErrorBody(f.body);
      return new QuickpayError(f.status, `QuickPay answered ${f.status} (${op})${message ? `: ${message.slice(0, 300)}` : ''}`, errors);
    }
  }
}
