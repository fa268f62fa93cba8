import { z } from 'zod';
import type { ProviderCall } from '@/lib/provider-http';
import { keepAccountCards } from './account-cards';
import { keepAccountRecipients } from './account-recipients';
import { FenerumError } from './errors';
import { actorHeaders, createFenerumHttp } from './http';
import { toAccount, toPaymentCard, toRecipient } from './map';
import type { AccountPageQuery, Actor, CallOptions, FenerumClient, FenerumClientConfig, ListPage, Recipient } from './types';
import type { Gateway } from '@/lib/domain/cards';
import { fenerumAccountSchema, fenerumPageSchema, fenerumPaymentCardSchema, fenerumRecipientSchema, fenerumSelfServiceSchema } from './wire';

/** The largest page Fenerum serves; lists are read in pages this big. */
const PAGE_SIZE = 100;
/** A list longer than this many pages is taken for a loop. */
const MAX_PAGES = 10_000;

/** One path segment: encoded, and never "." or ".." (which would climb out of the resource). */
function segment(value: string, what: string, operation: string): string {
  const v = value.trim();
  if (v === '' || v === '.' || v === '..') {
    throw new FenerumError({ kind: 'invalid_request', status: 0, detail: `${what} is empty or invalid`, operation });
  }
  return encodeURIComponent(v);
}

/** A Fenerum API client. Framework-free: tests and scripts build one directly. */
export function createFenerumClient(config: FenerumClientConfig): FenerumClient {
  const http = createFenerumHttp(config);
  const base = http.baseUrl;
  const selfServiceUrl = base.pathname.endsWith('/api/v1/')
    ? new URL(`${base.pathname.slice(0, -'v1/'.length)}self-service/initiate-organization/`, base.origin)
    : new URL('/api/self-service/initiate-organization/', base.origin);
  const call = <T>(req: ProviderCall<T>) => http.request(req);
  const api = (path: string, query: Record<string, string> = {}) => {
    const url = new URL(path, base);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    return url;
  };

  /** Reads every page, following `next` only while it stays on Fenerum's origin. */
  async function listAll<S extends z.ZodType, R>(first: URL, item: S, map: (raw: z.infer<S>) => R, operation: string, opts: CallOptions): Promise<R[]> {
    const schema = fenerumPageSchema(item);
    const out: R[] = [];
    const seen = new Set<string>();
    let next: URL | null = first;
    while (next) {
      if (seen.has(next.href) || seen.size >= MAX_PAGES) {
        throw new FenerumError({ kind: 'invalid_response', status: 200, detail: 'the pages of a list loop', operation });
      }
      seen.add(next.href);
      const page: z.infer<typeof schema> = await call({ method: 'GET', path: next, schema, operation, idempotent: true, ...opts });
      for (const raw of page.results) out.push(map(raw));
      next = page.next === null ? null : new URL(page.next, next);
      if (next && next.origin !== base.origin) {
        throw new FenerumError({ kind: 'invalid_response', status: 200, detail: 'a next link points away from Fenerum', operation });
      }
    }
    return out;
  }

  /** One page by number (a resumable reader keeps the number, not the link). */
  async function onePage<S extends z.ZodType, R>(url: URL, item: S, map: (raw: z.infer<S>) => R, operation: string, opts: CallOptions): Promise<ListPage<R>> {
    const schema = fenerumPageSchema(item);
    const page: z.infer<typeof schema> = await call({ method: 'GET', path: url, schema, operation, idempotent: true, ...opts });
    return { items: page.results.map(map), count: page.count, hasNext: page.next !== null };
  }

  const usable = (list: Array<Recipient | null>) => list.filter((r): r is Recipient => r !== null);
  /**
   * How `?account=` names the account on the recipients list is unconfirmed: by code first (as
   * Fenerum's examples filter its other lists); a 400 on `account` means the other form, which
   * this client then keeps using.
   */
  let recipientFilter: 'code' | 'uuid' = 'code';
  const refusedFilter = (err: unknown) => err instanceof FenerumError && err.kind === 'http' && err.status === 400 && 'account' in err.fieldErrors;

  async function getPaymentCard(uuid: string, opts: CallOptions = {}) {
    const operation = 'GET /paymentcards/{uuid}/';
    const url = api(`paymentcards/${segment(uuid, 'card uuid', operation)}/`);
    return toPaymentCard(await call({ method: 'GET', path: url, schema: fenerumPaymentCardSchema, operation, idempotent: true, ...opts }));
  }

  return {
    async getAccount(code: string, opts: CallOptions = {}) {
      const operation = 'GET /accounts/{code}/';
      const url = api(`accounts/${segment(code, 'account code', operation)}/`);
      return toAccount(await call({ method: 'GET', path: url, schema: fenerumAccountSchema, operation, idempotent: true, ...opts }));
    },

    /** Every account: a bulk caller unless told otherwise. */
    async listAccounts(opts: CallOptions = {}) {
      const url = api('accounts/', { page_size: String(PAGE_SIZE) });
      return listAll(url, fenerumAccountSchema, toAccount, 'GET /accounts/', { priority: 'bulk', ...opts });
    },

    async listAccountsPage(query: AccountPageQuery, opts: CallOptions = {}) {
      const params: Record<string, string> = { page: String(query.page), page_size: String(PAGE_SIZE) };
      // Fenerum's documented format, YYYY-MM-DDTHH:MM:SSZ: to the second, rounded down (never later than asked).
      if (query.modifiedSince) params.last_modified_date__gte = query.modifiedSince.toISOString().replace(/\.\d{3}Z$/, 'Z');
      if (query.code !== undefined) params.code = query.code;
      if (query.fields?.length) params.Fields = query.fields.join(',');
      return onePage(api('accounts/', params), fenerumAccountSchema, toAccount, 'GET /accounts/?page=', { priority: 'bulk', ...opts });
    },

    async listRecipientsPage(page: number, opts: CallOptions = {}) {
      const url = api('recipients/', { page: String(page), page_size: String(PAGE_SIZE) });
      const found = await onePage(url, fenerumRecipientSchema, toRecipient, 'GET /recipients/?page=', { priority: 'bulk', ...opts });
      return { ...found, items: usable(found.items) };
    },

    /** By account code, as Fenerum documents; only cards whose `account` is this uuid come back. */
    async listPaymentCards(account: { code: string; uuid: string }, opts: CallOptions = {}) {
      const operation = 'GET /paymentcards/?account={code}';
      const code = account.code.trim();
      if (!code || !account.uuid.trim()) throw new FenerumError({ kind: 'invalid_request', status: 0, detail: 'account code or uuid is empty', operation });
      const url = api('paymentcards/', { account: code, page_size: String(PAGE_SIZE) });
      return keepAccountCards(await listAll(url, fenerumPaymentCardSchema, toPaymentCard, operation, opts), { code, uuid: account.uuid.trim() });
    },

    /**
     * Every account's cards (no filter: a bulk caller unless told otherwise), to find whose card
     * a payment was made with when its Stripe customer is not one this portal made.
     */
    async listAllPaymentCards(opts: CallOptions = {}) {
      const url = api('paymentcards/', { page_size: String(PAGE_SIZE) });
      return listAll(url, fenerumPaymentCardSchema, toPaymentCard, 'GET /paymentcards/', { priority: 'bulk', ...opts });
    },

    async listPaymentCardsPage(page: number, opts: CallOptions = {}) {
      const url = api('paymentcards/', { page: String(page), page_size: String(PAGE_SIZE) });
      return onePage(url, fenerumPaymentCardSchema, toPaymentCard, 'GET /paymentcards/?page=', { priority: 'bulk', ...opts });
    },

    getPaymentCard,

    async listRecipients(account: { code: string; uuid: string }, opts: CallOptions = {}) {
      const operation = 'GET /recipients/?account=';
      const code = account.code.trim();
      const uuid = account.uuid.trim();
      if (!code || !uuid) throw new FenerumError({ kind: 'invalid_request', status: 0, detail: 'account code or uuid is empty', operation });
      const read = (form: 'code' | 'uuid') =>
        listAll(
          api('recipients/', { account: form === 'code' ? code : uuid, page_size: String(PAGE_SIZE) }),
          fenerumRecipientSchema,
          toRecipient,
          operation,
          opts,
        );
      let found: Array<Recipient | null>;
      const first = recipientFilter;
      try {
        found = await read(first);
      } catch (err) {
        if (!refusedFilter(err)) throw err;
        const other = first === 'code' ? 'uuid' : 'code';
        found = await read(other);
        recipientFilter = other;
      }
      return keepAccountRecipients(usable(found), { code, uuid });
    },

    /** Every recipient: a bulk caller unless told otherwise. */
    async listAllRecipients(opts: CallOptions = {}) {
      const url = api('recipients/', { page_size: String(PAGE_SIZE) });
      return usable(await listAll(url, fenerumRecipientSchema, toRecipient, 'GET /recipients/', { priority: 'bulk', ...opts }));
    },

    /** `opts.priority`: an imported card goes in the bulk lane (issue 27); a customer's in the limiter's default. */
    async createPaymentCard(input: { accountUuid: string; gateway: Gateway; token: string }, actor?: Actor, opts: CallOptions = {}) {
      const body = { account: input.accountUuid, gateway: input.gateway, token: input.token };
      const operation = 'POST /paymentcards/';
      const headers = actorHeaders(actor, operation);
      const raw = await call({ method: 'POST', path: 'paymentcards/', headers, body, schema: fenerumPaymentCardSchema, operation, idempotent: false, ...opts });
      return toPaymentCard(raw);
    },

    /** Repeating it is harmless. What Fenerum answers is unconfirmed: if it is not the card, the card is read back. */
    async disablePaymentCard(uuid: string, actor?: Actor) {
      const operation = 'POST /paymentcards/{uuid}/disable/';
      const url = api(`paymentcards/${segment(uuid, 'card uuid', operation)}/disable/`);
      const raw = await call({ method: 'POST', path: url, headers: actorHeaders(actor, operation), schema: z.unknown(), operation, idempotent: true });
      const card = fenerumPaymentCardSchema.safeParse(raw);
      return card.success ? toPaymentCard(card.data) : getPaymentCard(uuid);
    },

    async initiateSelfService(email: string, actor?: Actor) {
      const operation = 'POST /api/self-service/initiate-organization/';
      const headers = actorHeaders(actor, operation);
      const res = await call({ method: 'POST', path: selfServiceUrl, headers, body: { email }, schema: fenerumSelfServiceSchema, operation, idempotent: true });
      return { url: res.url };
    },
  };
}
