import type messages from '@/messages/en.json';

/**
 * Why a use case said no, as the domain sees it. One table (lib/server/refusals.ts) turns each
 * reason into a status, a `code` and a sentence; no use case knows HTTP or words.
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
  /** The account's last active card: a customer cannot remove it (Fenerum would have nothing to charge). */
  | 'last-card'
  /** This entry point is off in this configuration (e.g. the sandbox's demo door when live). */
  | 'disabled';

/**
 * What a refusal says, as a key of the message catalogue's `refusals` namespace (messages/*.json),
 * never a sentence: the one mapper (lib/server/refusals.ts) renders it, in English in a JSON body
 * and in the reader's language on a page. Without a key, the reason's own sentence is said.
 */
export type RefusalKey = keyof RefusalCatalogue;
type RefusalCatalogue = (typeof messages)['refusals'];

/** The ICU arguments of one English sentence (`{minutes}`): what its parameters must name. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
/** A key whose sentence takes arguments needs them (as text: never a locale's number formatting); one that takes none, none. */
type ParamsOf<K extends RefusalKey> = [Placeholders<RefusalCatalogue[K]>] extends [never] ? [] : [params: Record<Placeholders<RefusalCatalogue[K]>, string>];
export type RefusalParams = Record<string, string>;

export type Refused = { kind: 'refused'; reason: RefusalReason; key?: RefusalKey; params?: RefusalParams; retryAfterSeconds?: number };

/** A refusal: its reason, and the catalogue key (with its arguments) that says it when the reason's own sentence is not enough. */
export function refused(reason: RefusalReason): Refused;
export function refused<K extends RefusalKey>(reason: RefusalReason, key: K, ...params: ParamsOf<K>): Refused;
export function refused(reason: RefusalReason, key?: RefusalKey, params?: RefusalParams): Refused {
  const r: Refused = key === undefined ? { kind: 'refused', reason } : { kind: 'refused', reason, key };
  return params === undefined ? r : { ...r, params };
}

/** The same refusal, telling the caller when to try again (Retry-After). */
export function retryAfter(r: Refused, seconds: number): Refused {
  return { ...r, retryAfterSeconds: seconds };
}

export function isRefused(value: unknown): value is Refused {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'refused' &&
    typeof (value as { reason?: unknown }).reason === 'string'
  );
}
