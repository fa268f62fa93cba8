/**
 * Why a use case said no, as the domain sees it. One table (lib/server/refusals.ts) turns each
 * reason into a status and a message; no use case knows HTTP.
 */
export type RefusalReason =
  /** The customer's session is missing, expired, or its link was revoked. */
  | 'session-ended'
  /** The caller's credentials (API key, staff session) are missing or wrong. */
  | 'unauthenticated'
  /** Signed in, but the role does not allow this. */
  | 'forbidden'
  /** A provider's signature or checksum does not verify. */
  | 'forged'
  | 'invalid-input'
  | 'too-large'
  /** The thing asked for was never made here. */
  | 'not-found'
  /** It exists, but belongs to another account. */
  | 'other-account'
  /** The provider has not confirmed it (yet). */
  | 'not-confirmed'
  /** The provider confirmed it but gave us nothing to register. */
  | 'no-payment-method'
  /** Fenerum refused the card for good. */
  | 'card-refused'
  /** A state-changing request that did not come from our own pages (another site, another port). */
  | 'cross-site'
  /** A body of a type the route does not read (it takes JSON only). */
  | 'unsupported-type'
  /** Over a cap (new card setups per account per hour); `retryAfterSeconds` says when to try again. */
  | 'too-many'
  /** This entry point is off in this configuration (e.g. the sandbox's demo door when live). */
  | 'disabled';

export type Refused = { kind: 'refused'; reason: RefusalReason; message?: string; retryAfterSeconds?: number };

export function refused(reason: RefusalReason, message?: string, retryAfterSeconds?: number): Refused {
  const r: Refused = message === undefined ? { kind: 'refused', reason } : { kind: 'refused', reason, message };
  return retryAfterSeconds === undefined ? r : { ...r, retryAfterSeconds };
}

export function isRefused(value: unknown): value is Refused {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'refused' &&
    typeof (value as { reason?: unknown }).reason === 'string'
  );
}
