import { errorBrand, hasBrand } from '@/lib/errors/brand';
import type { CallPriority } from '@/lib/provider-http';

const BRAND = errorBrand('fenerum');

/**
 * What went wrong: Fenerum answered with an error, or no usable answer came; or the call was
 * never sent: the budget of Fenerum calls (this process's, or the deployment's on Postgres) is spent for the caller's lane
 * (`over_budget`, with retryAfterSeconds), or the caller went away (`aborted`).
 */
export type FenerumErrorKind = 'http' | 'network' | 'timeout' | 'invalid_response' | 'invalid_request' | 'over_budget' | 'aborted';

export type FenerumErrorInit = {
  kind: FenerumErrorKind;
  /** Fenerum's HTTP status; 0 when no answer came (network, timeout, invalid request). */
  status: number;
  detail?: string | null;
  fieldErrors?: Record<string, string[]>;
  retryAfterSeconds?: number;
  /** What was asked, e.g. "GET /accounts/{code}/", for logs. No ids, no secrets. */
  operation?: string;
  cause?: unknown;
  /** For `over_budget`: the lane that was refused. */
  priority?: CallPriority;
  /** For `aborted`: the request had gone out before the caller left. */
  sent?: boolean;
};

const MAX_DETAIL = 300;
const clip = (s: string) => (s.length > MAX_DETAIL ? `${s.slice(0, MAX_DETAIL)}…` : s);

/**
 * One error for every Fenerum failure. `message` is safe to log: it holds the status and
 * Fenerum's own wording, never the token, the request body or a URL's query.
 */
export class FenerumError extends Error {
  readonly [BRAND] = true;
  readonly kind: FenerumErrorKind;
  readonly status: number;
  readonly detail: string | null;
  readonly fieldErrors: Record<string, string[]>;
  readonly retryAfterSeconds?: number;
  readonly operation?: string;
  readonly priority?: CallPriority;
  private readonly sent: boolean;

  constructor(init: FenerumErrorInit) {
    const fieldErrors = init.fieldErrors ?? {};
    const detail = init.detail == null ? null : clip(init.detail);
    super(describe(init.kind, init.status, detail, fieldErrors, init.operation), init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'FenerumError';
    this.kind = init.kind;
    this.status = init.status;
    this.detail = detail;
    this.fieldErrors = fieldErrors;
    if (init.retryAfterSeconds !== undefined) this.retryAfterSeconds = init.retryAfterSeconds;
    if (init.operation !== undefined) this.operation = init.operation;
    if (init.priority !== undefined) this.priority = init.priority;
    this.sent = init.sent ?? false;
  }

  get isNotFound(): boolean {
    return this.kind === 'http' && this.status === 404;
  }

  /** Worth trying again later: rate-limited (by Fenerum or by our own budget), Fenerum failing, or no answer. */
  get isTransient(): boolean {
    return ['network', 'timeout', 'over_budget', 'aborted'].includes(this.kind) || this.status === 429 || this.status >= 500;
  }

  /**
   * Fenerum may have done what was asked even though we got no good answer: a timeout, a
   * dropped connection, or a 500/502/504 (a 503 or 429 means it did nothing). A create after
   * such an error must look before it creates again (Fenerum has no idempotency key). A call
   * aborted in flight may have arrived too; one that left the limiter's queue, or was over
   * budget, was never sent.
   */
  get mayHaveActed(): boolean {
    return this.kind === 'timeout' || this.kind === 'network' || (this.kind === 'aborted' && this.sent) || [500, 502, 504].includes(this.status);
  }
}

/** True for a FenerumError built by any bundle (never `instanceof`: see lib/errors/brand.ts). */
export function isFenerumError(err: unknown): err is FenerumError {
  return hasBrand(err, BRAND);
}

function describe(kind: FenerumErrorKind, status: number, detail: string | null, fields: Record<string, string[]>, op?: string): string {
  const where = op ? ` (${op})` : '';
  switch (kind) {
    case 'network':
      return `Fenerum could not be reached${where}`;
    case 'timeout':
      return `Fenerum did not answer in time${where}`;
    case 'invalid_response':
      return `Fenerum sent a response the portal does not understand${where}`;
    case 'invalid_request':
      return `Invalid request to Fenerum${where}: ${detail ?? 'bad input'}`;
    case 'over_budget':
      return `Not sent to Fenerum${where}: the budget of Fenerum calls is spent for now`;
    case 'aborted':
      return `Fenerum call given up${where}: the caller went away`;
    case 'http': {
      const parts = Object.entries(fields).map(([f, msgs]) => `${f}: ${msgs.join(' ')}`);
      const text = [detail, ...parts].filter(Boolean).join('; ');
      return `Fenerum answered ${status}${where}${text ? `: ${clip(text)}` : ''}`;
    }
  }
}

/** Flattens DRF error messages: strings, lists of strings, nested objects ("field.sub"). */
function messages(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(messages);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => messages(v).map((m) => `${k}: ${m}`));
  }
  return value == null ? [] : [String(value)];
}

/**
 * Reads a Fenerum error body: `{"detail": "..."}` → detail; any other key → fieldErrors
 * (`non_field_errors` included, as Fenerum names it). Anything else (HTML, empty) → nothing.
 */
export function parseErrorBody(body: unknown): { detail: string | null; fieldErrors: Record<string, string[]> } {
  const fieldErrors: Record<string, string[]> = {};
  let detail: string | null = null;
  if (Array.isArray(body)) {
    const list = messages(body);
    return { detail: list.length ? list.join(' ') : null, fieldErrors };
  }
  if (!body || typeof body !== 'object') return { detail, fieldErrors };
  for (const [key, value] of Object.entries(body)) {
    if (key === 'detail') detail = messages(value).join(' ') || null;
    else fieldErrors[key] = messages(value);
  }
  return { detail, fieldErrors };
}
