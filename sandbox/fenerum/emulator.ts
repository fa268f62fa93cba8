import type http from 'node:http';
import type { GatewayCharge, GatewayLookup, GatewaySaveCard } from '../gateways';
import { parseBody, sendJson, type Emulator } from '../http';
import { Router } from '../router';
import { registerApiRoutes, registerSelfServicePage } from './api-routes';
import { registerAccountGenerator } from './account-generator';
import { registerBulkCards } from './bulk-cards';
import { registerControlRoutes } from './control';
import { demoAccounts, demoCards, demoRecipients } from './demo-data';
import { guard } from './guard';
import { registerOwnCardLink } from './own-card-link';
import { defaultSettings, emptyStats, type FenerumState } from './state';
import { throttledDetail } from './throttle';
import { registerWebhookControl } from './webhook-control';
import { FENERUM_WEBHOOK_EVENTS, FenerumWebhooks, type WebhookConfig } from './webhooks';

export type FenerumEmulatorOptions = {
  /** The API token Fenerum accepts (`Authorization: Token <token>`). */
  token: string;
  /** How Fenerum asks a gateway about a token when a card is registered. */
  lookupCard: GatewayLookup;
  /** The clock: rate limit, created dates, and the demo card that always expires soon. */
  now?: () => Date;
  /** How Fenerum charges a card off-session (the sandbox's "bank wants authentication" control). */
  chargeCard?: GatewayCharge;
  /** How Fenerum's own add-card link saves a card at the gateway (a customer Fenerum makes). */
  saveCard?: GatewaySaveCard;
  /** Where Fenerum's webhooks go, with which Basic credentials; every opt-in event is listed. */
  webhook?: Omit<WebhookConfig, 'events'>;
};

export type FenerumEmulator = Emulator & {
  /** The live state (mutated in place; reset() refills it). */
  state: FenerumState;
  /** Back to the demo data and default settings, as POST /__sandbox/reset. */
  reset: () => void;
  /** Fenerum's webhooks: the endpoint and every delivery attempt. */
  webhooks: FenerumWebhooks;
};

const FAILURE_DETAIL: Record<number, string> = {
  500: 'A server error occurred.',
  502: 'Bad gateway.',
  503: 'Service temporarily unavailable, try again later.',
};

function freshState(now: Date): FenerumState {
  return {
    accounts: demoAccounts(),
    cards: demoCards(now),
    recipients: demoRecipients(),
    audit: [],
    selfServiceLinks: [],
    settings: defaultSettings(),
    stats: emptyStats(),
    throttleHistory: new Map(),
  };
}

/** Whether a call names the account (its code or uuid, in the path or the query). */
function namesAccount(state: FenerumState, url: URL, account: string): boolean {
  const uuid = state.accounts.find((a) => a.code === account)?.uuid;
  const said = decodeURIComponent(url.pathname + url.search);
  return said.includes(account) || (uuid !== undefined && said.includes(uuid));
}

/** Answers a failure set with failNext; true when it did. */
function failIfAsked(state: FenerumState, method: string | undefined, url: URL, res: http.ServerResponse): boolean {
  const fail = state.settings.failNext;
  if (!fail || fail.count <= 0) return false;
  if (fail.account !== undefined && !namesAccount(state, url, fail.account)) return false;
  if (fail.method !== undefined && fail.method !== method) return false;
  if (fail.path !== undefined && !url.pathname.startsWith(fail.path)) return false;
  fail.count -= 1;
  if (fail.count === 0) state.settings.failNext = null;
  const retryAfter = fail.retryAfter ?? (fail.status === 429 ? 1 : undefined);
  const headers: Record<string, string> = retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) };
  const detail = fail.status === 429 ? throttledDetail(retryAfter ?? 1) : (FAILURE_DETAIL[fail.status] ?? `Sandbox failure (${fail.status}).`);
  sendJson(res, fail.status, { detail }, headers);
  return true;
}

/** A local Fenerum (REST API v1) held to its public documentation; see PROVIDERS.md. */
export function createFenerumEmulator(opts: FenerumEmulatorOptions): FenerumEmulator {
  const now = opts.now ?? (() => new Date());
  const state = freshState(now());
  const webhooks = new FenerumWebhooks({ url: null, username: '', password: '', ...opts.webhook, events: [...FENERUM_WEBHOOK_EVENTS] });
  const reset = () => {
    Object.assign(state, freshState(now()));
    webhooks.reset();
  };
  const count = (status: number) => {
    state.stats.total += 1;
    state.stats.byStatus[String(status)] = (state.stats.byStatus[String(status)] ?? 0) + 1;
    if (status === 429) state.stats.throttled += 1;
  };

  // DRF answers an unknown path 404 and a known one with the wrong method 405, before authentication.
  const router = new Router((ctx, status) => sendJson(ctx.res, status, { detail: status === 404 ? 'Not found.' : `Method "${ctx.req.method}" not allowed.` }));
  // The sandbox's own pages are not the API: no failures, no stats.
  const api = { except: ['/__sandbox/', '/self-service/'] };
  router.use(async (ctx, next) => {
    try {
      await next();
    } finally {
      count(ctx.res.headersSent ? ctx.res.statusCode : 500);
    }
  }, api);
  router.use((ctx, next) => (failIfAsked(state, ctx.req.method, ctx.url, ctx.res) ? undefined : next()), api);
  registerApiRoutes({
    state,
    lookupCard: opts.lookupCard,
    now,
    api: (method, path, handler) =>
      router.on(method, path, (ctx) => {
        const caller = guard(state, opts.token, now(), ctx.req, ctx.res);
        if (!caller) return;
        handler(ctx, caller);
        if (method === 'POST') {
          state.audit.push({
            at: now().toISOString(),
            method,
            path: ctx.url.pathname,
            status: ctx.res.statusCode,
            user: caller.user,
            clientSystem: caller.clientSystem,
            body: parseBody(ctx) ?? ctx.body,
          });
        }
      }),
  });
  registerControlRoutes(router, { state, reset, now });
  registerWebhookControl(router, { state, webhooks, chargeCard: opts.chargeCard, now });
  registerBulkCards(router, { state, now });
  registerAccountGenerator(router, { state, now });
  registerOwnCardLink(router, { state, lookupCard: opts.lookupCard, saveCard: opts.saveCard, now });
  registerSelfServicePage(router, state);

  return {
    name: 'fenerum',
    state,
    reset,
    webhooks,
    close: () => webhooks.reset(),
    handle: (req, res, body) => router.handle(req, res, body),
  };
}
