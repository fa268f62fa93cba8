import { IDEMPOTENCY_TTL_MS } from './config';
import { invalidRequest, StripeApiError } from './errors';
import type { FormObject } from './form';

/** A stored first response for an `Idempotency-Key`. */
export type IdempotentResult = { endpoint: string; fingerprint: string; status: number; body: string; requestId: string; at: number };

/** Stripe's idempotency: same key + same request → the first response replayed; else an error. */
export class IdempotencyStore {
  private entries = new Map<string, IdempotentResult>();

  /** The stored result to replay, or undefined to run the request. Throws on a reused key. */
  lookup(apiKey: string, key: string, endpoint: string, params: FormObject): IdempotentResult | undefined {
    if (key.length > 255) {
      throw invalidRequest('Idempotency-Key must be at most 255 characters long.', { param: 'Idempotency-Key' });
    }
    const entry = this.entries.get(scope(apiKey, key));
    if (!entry) return undefined;
    if (Date.now() - entry.at > IDEMPOTENCY_TTL_MS) {
      this.entries.delete(scope(apiKey, key));
      return undefined;
    }
    if (entry.endpoint !== endpoint) {
      throw idempotencyError(
        `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${entry.endpoint}' vs '${endpoint}'). Try using a key other than '${key}' if you meant to execute a different request.`,
      );
    }
    if (entry.fingerprint !== fingerprintOf(params)) {
      throw idempotencyError(
        `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      );
    }
    return entry;
  }

  save(apiKey: string, key: string, endpoint: string, params: FormObject, result: Omit<IdempotentResult, 'endpoint' | 'fingerprint' | 'at'>): void {
    this.entries.set(scope(apiKey, key), { ...result, endpoint, fingerprint: fingerprintOf(params), at: Date.now() });
  }

  clear(): void {
    this.entries.clear();
  }
}

const scope = (apiKey: string, key: string) => `${apiKey}\n${key}`;

function idempotencyError(message: string): StripeApiError {
  return new StripeApiError(400, { type: 'idempotency_error', message }, false);
}

/** Parameters compared regardless of the order they were sent in. */
function fingerprintOf(params: FormObject): string {
  const canonical = (v: unknown): unknown =>
    v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, x]) => [k, canonical(x)]),
        )
      : v;
  return JSON.stringify(canonical(params));
}
