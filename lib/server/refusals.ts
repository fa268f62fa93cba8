import { createTranslator, type Messages } from 'next-intl';
import type { Refused, RefusalKey, RefusalReason } from '@/lib/domain/outcomes';
import en from '@/messages/en.json';

type Entry = { status: number; code: string };
type Answer = { status: number; code: string; message: string; headers?: Record<string, string> };

/**
 * The one table from a domain refusal to what the caller hears: its status and the stable `code`
 * of the JSON body (the reason itself; `disabled` answers as `not-found`, as if the entry point
 * were not there). The sentence is the catalogue's (messages: refusals): the refusal's own key,
 * else the reason's.
 */
export const refusalTable: Record<RefusalReason, Entry> = {
  'session-ended': { status: 401, code: 'session-ended' },
  unauthenticated: { status: 401, code: 'unauthenticated' },
  forbidden: { status: 403, code: 'forbidden' },
  forged: { status: 403, code: 'forged' },
  'invalid-input': { status: 400, code: 'invalid-input' },
  'too-large': { status: 413, code: 'too-large' },
  'not-found': { status: 404, code: 'not-found' },
  'other-account': { status: 403, code: 'other-account' },
  'not-confirmed': { status: 409, code: 'not-confirmed' },
  'no-payment-method': { status: 422, code: 'no-payment-method' },
  'card-refused': { status: 422, code: 'card-refused' },
  'cross-site': { status: 403, code: 'cross-site' },
  'unsupported-type': { status: 415, code: 'unsupported-type' },
  'too-many': { status: 429, code: 'too-many' },
  'last-card': { status: 409, code: 'last-card' },
  disabled: { status: 404, code: 'not-found' },
};

/** Headers a refusal said by one key carries: the API key's challenge (RFC 6750). */
const keyHeaders: Partial<Record<RefusalKey, Record<string, string>>> = { apiKeyMissing: { 'WWW-Authenticate': 'Bearer' } };

/** The catalogue key that says this refusal: its own, else its reason's. */
const refusalKey = (r: Refused): RefusalKey => r.key ?? r.reason;

/** A translator of the `refusals` namespace, in whatever language (next-intl's, from a page or an action). */
type Say = (key: RefusalKey, params?: Record<string, string>) => string;

/** The refusal as a sentence through `say` (a page's translator: the reader's language). */
export const refusalSentence = (r: Refused, say: Say): string => say(refusalKey(r), r.params);

// JSON bodies are English: a merchant's backend, a provider and a script branch on `code`, and read the sentence in one language.
const english = createTranslator({ locale: 'en', messages: en as Messages, namespace: 'refusals' }) as unknown as Say;

/** The refusal as a JSON answer: status, code, the English sentence, and Retry-After in whole seconds when it has one. */
export function answerFor(r: Refused): Answer {
  const { status, code } = refusalTable[r.reason];
  const headers = r.key ? keyHeaders[r.key] : undefined;
  const told: Answer = headers ? { status, code, message: refusalSentence(r, english), headers } : { status, code, message: refusalSentence(r, english) };
  if (r.retryAfterSeconds === undefined) return told;
  return { ...told, headers: { ...told.headers, 'Retry-After': String(Math.max(1, Math.ceil(r.retryAfterSeconds))) } };
}
