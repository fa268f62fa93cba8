import { errorBrand, hasBrand } from '@/lib/errors/brand';
import { surelyNotSent, type ProviderFailure } from '@/lib/provider-http';

const BRAND = errorBrand('farpay');

/**
 * Every FarPay failure, branded. `code` is FarPay's error code (20012, 20040, 9000…) and
 * `subCode` its refinement ("20050:460" → 460); `detail` FarPay's own text after the code.
 * `status` is 0 when no answer came. `mayHaveActed` says a refund may have been made anyway.
 */
export class FarpayError extends Error {
  readonly [BRAND] = true;
  constructor(
    readonly kind: ProviderFailure['kind'],
    readonly status: number,
    message: string,
    readonly fields: { code?: number; subCode?: number; detail?: string; correlationId?: string; mayHaveActed: boolean },
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'FarpayError';
  }
  get code() {
    return this.fields.code;
  }
  get isTransient(): boolean {
    return this.status === 0 || this.status === 429 || (this.status >= 500 && this.code === undefined);
  }
}

export const isFarpayError = (err: unknown): err is FarpayError => hasBrand(err, BRAND);

type ErrorRead = { code?: number; subCode?: number; detail?: string; correlationId?: string };

/**
 * FarPay/ApiDoc's details: `[{Code, Message, Details: [{Key, Value}]}]` as "Code: Message (Key=Value, …)"
 * pieces; a bare string (older answers) kept as it is. Anything else is left out.
 */
function readDetails(details: unknown): string {
  if (!Array.isArray(details)) return '';
  const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
  return details
    .slice(0, 10)
    .map((d) => {
      if (typeof d === 'string') return d;
      if (!d || typeof d !== 'object') return '';
      const o = d as Record<string, unknown>;
      const pairs = Array.isArray(o.Details)
        ? o.Details.slice(0, 10)
            .map((kv) => (kv && typeof kv === 'object' ? `${text((kv as Record<string, unknown>).Key)}=${text((kv as Record<string, unknown>).Value)}` : ''))
            .filter((p) => p !== '=')
        : [];
      const head = [text(o.Code), text(o.Message)].filter(Boolean).join(': ');
      return pairs.length ? `${head} (${pairs.join(', ')})` : head;
    })
    .filter(Boolean)
    .join('; ');
}

/** `{error, errorCode}`, `{Message}`, `{Message, CorrelationId, Details: [{Code, Message, Details: [{Key, Value}]}]}`; "20050:460::text" inside. */
export function readFarpayErrorBody(body: unknown): ErrorRead {
  if (!body || typeof body !== 'object') return {};
  const b = body as Record<string, unknown>;
  const text = typeof b.error === 'string' ? b.error : typeof b.Message === 'string' ? b.Message : typeof b.message === 'string' ? b.message : '';
  const m = /^(\d+)(?::(\d+))?::\s*([\s\S]*)$/.exec(text);
  const given = typeof b.errorCode === 'number' ? b.errorCode : typeof b.errorCode === 'string' && /^\d+$/.test(b.errorCode) ? Number(b.errorCode) : undefined;
  const details = readDetails(b.Details);
  const out: ErrorRead = {};
  const code = given ?? (m ? Number(m[1]) : undefined);
  if (code !== undefined) out.code = code;
  if (m?.[2]) out.subCode = Number(m[2]);
  const said = m ? m[3] : text;
  const detail = said && details && !said.includes(details) ? `${said} (${details})` : said || details;
  if (detail) out.detail = detail.slice(0, 300);
  if (typeof b.CorrelationId === 'string' && /^[\w.:-]{1,100}$/.test(b.CorrelationId)) out.correlationId = b.CorrelationId;
  return out;
}

/** A provider-http failure as a FarpayError (no key, no body beyond FarPay's own error text). */
export function toFarpayError(f: ProviderFailure, call: { operation: string; method: string }): FarpayError {
  const op = call.operation;
  const write = call.method !== 'GET';
  switch (f.kind) {
    case 'network':
      return new FarpayError(f.kind, 0, `FarPay could not be reached (${op})`, { mayHaveActed: write && !surelyNotSent(f) }, { cause: f.cause });
    case 'timeout':
      return new FarpayError(f.kind, 0, `FarPay did not answer in time (${op})`, { mayHaveActed: write }, { cause: f.cause });
    case 'aborted':
      return new FarpayError(f.kind, 0, `FarPay call abandoned (${op})`, { mayHaveActed: write && f.sent });
    case 'over_budget':
      return new FarpayError(f.kind, 0, `FarPay was not asked (${op})`, { mayHaveActed: false });
    case 'invalid_request':
      return new FarpayError(f.kind, 400, `Invalid request to FarPay (${op}): ${f.detail}`, { mayHaveActed: false });
    case 'invalid_response':
      return new FarpayError(
        f.kind,
        502,
        `FarPay sent an answer the portal does not understand (${op}: ${f.detail})`,
        { mayHaveActed: write },
        { cause: f.cause },
      );
    case 'http': {
      const read = readFarpayErrorBody(f.body);
      // A 5xx without FarPay's own error code (a proxy's HTML page, a 500) leaves a refund's fate open.
      const mayHaveActed = write && f.status >= 500 && f.status !== 503 && read.code === undefined;
      const said = read.code !== undefined ? ` ${read.code}${read.subCode ? `:${read.subCode}` : ''}` : '';
      return new FarpayError(f.kind, f.status, `FarPay answered ${f.status}${said} (${op})${read.detail ? `: ${read.detail}` : ''}`, { ...read, mayHaveActed });
    }
  }
}
