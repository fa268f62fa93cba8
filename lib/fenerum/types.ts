import type { CallPriority } from '@/lib/provider-http';
import type { FenerumLimiter } from './budget';
import type { Account } from '@/lib/domain/accounts';
import type { Gateway, PaymentCard } from '@/lib/domain/cards';
import type { Lane } from './rate-limiter';

/**
 * The client's own types (its settings, its calls, recipients and the acting staff member); the
 * app's types it answers with (Account, PaymentCard, Gateway) are in lib/domain, and wire shapes
 * in wire.ts.
 */

/** Someone Fenerum notifies about an account, and which notifications they opted in to. */
export type Recipient = {
  /** Fenerum's uuid for the recipient, when it gives one. */
  id: string | null;
  /** The account as the recipient names it (uuid or code). */
  account: string;
  name: string | null;
  email: string;
  receiveInvoice: boolean;
  receivePaymentConfirmation: boolean;
  receiveSubscriptionNotifications: boolean;
};

/** The staff member acting; sent as X-User so Fenerum's audit trail names them. */
export type Actor = { email: string };

export type FenerumClientConfig = {
  /** The API base including /api/v1, e.g. http://localhost:4100/api/v1. */
  apiUrl: string;
  token: string;
  /** Sent as X-Client-System on every call (Fenerum requires it). */
  clientSystem: string;
  /** The client keeps under this many requests per rolling minute (the deployment's, given a shared `limiter`). */
  ratePerMinute: number;
  /** Per attempt; default 15 000. */
  timeoutMs?: number;
  /** Retries after the first attempt (5xx, network errors, timeouts, 429); default 3. */
  maxRetries?: number;
  fetch?: typeof fetch;
  /** The backoff's jitter, [0, 1); default Math.random. */
  random?: () => number;
  /** Waits between retries (and, with `now`, in the rate limiter); default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * The rate limiter's clock (ms); default Date.now. Given `now`, the limiter waits on `sleep`
   * too, so a test fakes time with both; without it the limiter keeps real time.
   */
  now?: () => number;
  /** The rate limiter's lanes; default FENERUM_LANES (http.ts). */
  lanes?: Partial<Record<CallPriority, Partial<Lane>>>;
  /** The deployment's limiter (budget.ts); without it the client keeps one of its own from `ratePerMinute`, `lanes`, `now`. */
  limiter?: FenerumLimiter;
};

/**
 * How one read is made: its lane in the rate limiter (default `registration`; listing every
 * account defaults to `bulk`), and the caller's signal, after which it is not sent (or aborted).
 */
export type CallOptions = {
  priority?: CallPriority;
  signal?: AbortSignal;
  /** A 429 asking for a longer wait than this fails at once (a page shows "busy") instead of being waited out. */
  maxRetryAfterSeconds?: number;
};

/**
 * One page of the account list, filtered as Fenerum documents (PROVIDERS.md): accounts changed
 * since `modifiedSince` (`last_modified_date__gte`, to the second), the one with `code`, and only
 * `fields` of each (`Fields`). Pages of 100, from 1.
 */
export type AccountPageQuery = { page: number; modifiedSince?: Date; code?: string; fields?: readonly string[] };
/** A page of a list: its items, the list's whole count, and whether a next page exists. */
export type ListPage<T> = { items: T[]; count: number; hasNext: boolean };

export type FenerumClient = {
  getAccount(code: string, opts?: CallOptions): Promise<Account>;
  listAccounts(opts?: CallOptions): Promise<Account[]>;
  /** One page of the account list with Fenerum's documented filters (a bulk caller unless told otherwise). */
  listAccountsPage(query: AccountPageQuery, opts?: CallOptions): Promise<ListPage<Account>>;
  /** One page of every account's recipients (a bulk caller unless told otherwise). */
  listRecipientsPage(page: number, opts?: CallOptions): Promise<ListPage<Recipient>>;
  /** The account's cards, asked by code (as documented); a card of any other account is dropped. */
  listPaymentCards(account: { code: string; uuid: string }, opts?: CallOptions): Promise<PaymentCard[]>;
  /** One page of every account's cards (unfiltered), oldest first as Fenerum lists them. */
  listPaymentCardsPage(page: number, opts?: CallOptions): Promise<ListPage<PaymentCard>>;
  /** Every account's cards (unfiltered, in pages). */
  listAllPaymentCards(opts?: CallOptions): Promise<PaymentCard[]>;
  getPaymentCard(uuid: string, opts?: CallOptions): Promise<PaymentCard>;
  /** The account's recipients (every page); a recipient of any other account is dropped and logged. */
  listRecipients(account: { code: string; uuid: string }, opts?: CallOptions): Promise<Recipient[]>;
  /** Every recipient of the organisation (staff search by email): a bulk caller unless told otherwise. */
  listAllRecipients(opts?: CallOptions): Promise<Recipient[]>;
  createPaymentCard(input: { accountUuid: string; gateway: Gateway; token: string }, actor?: Actor, opts?: CallOptions): Promise<PaymentCard>;
  disablePaymentCard(uuid: string, actor?: Actor): Promise<PaymentCard>;
  initiateSelfService(email: string, actor?: Actor): Promise<{ url: string }>;
};
