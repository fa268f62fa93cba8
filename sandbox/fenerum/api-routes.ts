import { randomBytes } from 'node:crypto';
import type { GatewayLookup } from '../gateways';
import { parseBody, sendHtml, sendJson } from '../http';
import { type Ctx, type Router } from '../router';
import { filterAccounts, sparseFields } from './account-filters';
import { createCard } from './card-create';
import type { Caller } from './guard';
import { absoluteUrl, paginate } from './paging';
import { accountJson, byCreated, cardJson, defaultCardOf } from './serialize';
import { getRecipient, listRecipients } from './recipients';
import type { CardRecord, FenerumState } from './state';

type ApiHandler = (ctx: Ctx, caller: Caller) => void;
export type ApiDeps = {
  state: FenerumState;
  lookupCard: GatewayLookup;
  now: () => Date;
  /** Registers a route behind authentication, X-Client-System and the rate limit. */
  api: (method: 'GET' | 'POST', path: string, handler: ApiHandler) => void;
};

const NOT_FOUND = { detail: 'Not found.' };
const INVALID_PAGE = { detail: 'Invalid page.' };
const INVALID_CHOICE = 'Select a valid choice. That choice is not one of the available choices.';

/** django-filter's BooleanFilter: unknown values leave the list unfiltered. */
function booleanFilter(raw: string | null): boolean | null {
  if (raw === null) return null;
  if (['true', 'True', '1'].includes(raw)) return true;
  if (['false', 'False', '0'].includes(raw)) return false;
  return null;
}

function badJson(ctx: Ctx): unknown {
  const body = parseBody(ctx);
  if (body === undefined) sendJson(ctx.res, 400, { detail: 'JSON parse error - the request body is not valid JSON.' });
  return body;
}

export function registerApiRoutes({ state, lookupCard, now, api }: ApiDeps): void {
  const shown = (c: CardRecord) => cardJson(c, state.settings, state.settings.cardDefaultField ? defaultCardOf(state.cards, c.account) === c.uuid : undefined);
  api('GET', '/api/v1/accounts/', (ctx) => {
    const filtered = filterAccounts(state.accounts, ctx.url.searchParams);
    if (!filtered.ok) return sendJson(ctx.res, 400, filtered.errors);
    const fields = sparseFields<ReturnType<typeof accountJson>>(ctx.url.searchParams);
    const r = paginate(
      filtered.accounts.map((a) => fields(accountJson(a, state.settings))),
      ctx.req,
      ctx.url,
    );
    if (r.ok) sendJson(ctx.res, 200, r.page);
    else sendJson(ctx.res, 404, INVALID_PAGE);
  });

  api('GET', '/api/v1/accounts/:code/', (ctx) => {
    const account = state.accounts.find((a) => a.code === ctx.params.code);
    if (account) sendJson(ctx.res, 200, accountJson(account, state.settings));
    else sendJson(ctx.res, 404, NOT_FOUND);
  });

  api('GET', '/api/v1/recipients/', (ctx) => listRecipients(state, ctx));
  api('GET', '/api/v1/recipients/:uuid/', (ctx) => getRecipient(state, ctx));

  api('GET', '/api/v1/paymentcards/', (ctx) => {
    let cards = [...state.cards].sort(byCreated);
    const account = ctx.url.searchParams.get('account');
    if (account !== null && account !== '' && state.settings.cardListAccountFilter === 'code') {
      // By code, as Fenerum's examples do (PROVIDERS.md). A uuid or an unknown code: what
      // django-filter answers for a value not among a ModelChoiceFilter's choices.
      const match = state.accounts.find((a) => a.code === account);
      if (!match) return sendJson(ctx.res, 400, { account: [INVALID_CHOICE] });
      cards = cards.filter((c) => c.account === match.uuid);
    }
    const active = booleanFilter(ctx.url.searchParams.get('active'));
    if (active !== null) cards = cards.filter((c) => c.active === active);
    const r = paginate(cards.map(shown), ctx.req, ctx.url);
    if (r.ok) sendJson(ctx.res, 200, r.page);
    else sendJson(ctx.res, 404, INVALID_PAGE);
  });

  api('GET', '/api/v1/paymentcards/:uuid/', (ctx) => {
    const card = state.cards.find((c) => c.uuid === ctx.params.uuid?.toLowerCase());
    if (card) sendJson(ctx.res, 200, shown(card));
    else sendJson(ctx.res, 404, NOT_FOUND);
  });

  api('POST', '/api/v1/paymentcards/', (ctx, caller) => {
    const body = badJson(ctx);
    if (body === undefined) return;
    const r = createCard(state, lookupCard, body, caller, now());
    if (r.ok) sendJson(ctx.res, 201, shown(r.card));
    else sendJson(ctx.res, 400, r.errors);
  });

  // Disabling stops Fenerum charging the card; it stays at the gateway. Repeating it is harmless.
  // What Fenerum answers is unconfirmed: the card, as DRF detail actions usually do.
  api('POST', '/api/v1/paymentcards/:uuid/disable/', (ctx, caller) => {
    const card = state.cards.find((c) => c.uuid === ctx.params.uuid?.toLowerCase());
    if (!card) return sendJson(ctx.res, 404, NOT_FOUND);
    if (card.active) {
      card.active = false;
      card.disabledBy = caller.user;
      card.disabledAt = now().toISOString();
    }
    sendJson(ctx.res, 200, shown(card));
  });

  api('POST', '/api/self-service/initiate-organization/', (ctx, caller) => {
    const body = badJson(ctx);
    if (body === undefined) return;
    const raw = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).email : undefined;
    const email = typeof raw === 'string' ? raw.trim() : '';
    if (!email) return sendJson(ctx.res, 400, { email: ['This field is required.'] });
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return sendJson(ctx.res, 400, { email: ['Enter a valid email address.'] });
    const url = new URL(`/self-service/access/${randomBytes(16).toString('hex')}`, absoluteUrl(ctx.req, ctx.url)).toString();
    state.selfServiceLinks.push({ email, url, user: caller.user, at: now().toISOString() });
    sendJson(ctx.res, 200, { url });
  });
}

/** The hosted self-service page a link opens (a stand-in for Fenerum's portal). */
export function registerSelfServicePage(router: Router, state: FenerumState): void {
  router.get('/self-service/access/:key', (ctx) => {
    const link = state.selfServiceLinks.find((l) => new URL(l.url).pathname === ctx.url.pathname);
    if (!link) return sendHtml(ctx.res, 404, '<!doctype html><title>Not found</title><h1>This link is not valid</h1>');
    const email = link.email.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    sendHtml(ctx.res, 200, `<!doctype html><title>Fenerum Self-Service (sandbox)</title><h1>Fenerum Self-Service</h1><p>Sandbox page for ${email}.</p>`);
  });
}
