import { parseBody, sendJson } from '../http';
import { type Ctx, type Router } from '../router';
import { parseCreate, parseLink, toParams, validationError } from './params';
import { createSubscription, setLink, subscriptionJson, type QuickpayState } from './store';
import type { QpSubscription } from './types';

export type ApiDeps = {
  state: QuickpayState;
  merchantId: number;
  publicUrl: string;
  now: () => Date;
};

export const notFound = (id: string) => ({ message: `Not found: No Subscription with id ${id}` });

/** The subscription named in the path, or a 404 answered. */
function findSubscription(ctx: Ctx, state: QuickpayState): QpSubscription | null {
  const raw = ctx.params.id ?? '';
  const sub = /^\d+$/.test(raw) ? state.subscriptions.get(Number(raw)) : undefined;
  if (!sub) {
    sendJson(ctx.res, 404, notFound(raw));
    return null;
  }
  return sub;
}

function readParams(ctx: Ctx) {
  const params = toParams(parseBody(ctx));
  if (!params) sendJson(ctx.res, 400, { message: 'Invalid request body: send JSON or form data', error_code: null });
  return params;
}

const positiveInt = (v: string | null, fallback: number) => (v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : fallback);

/** QuickPay's /subscriptions resource (create, read, list, link); authentication is done before. */
export function registerApiRoutes(router: Router, { state, merchantId, publicUrl, now }: ApiDeps): void {
  router.post('/subscriptions', (ctx) => {
    const params = readParams(ctx);
    if (!params) return;
    const taken = (orderId: string) => [...state.subscriptions.values()].some((s) => s.order_id === orderId);
    const parsed = parseCreate(params, taken);
    if ('errors' in parsed) return sendJson(ctx.res, 400, validationError(parsed.errors));
    const sub = createSubscription(state, parsed.input, merchantId, now());
    sendJson(ctx.res, 201, subscriptionJson(sub));
  });

  // A bare array, filtered and paged as QuickPay's list endpoints are (page from 1, page_size ≤ 100).
  router.get('/subscriptions', (ctx) => {
    const q = ctx.url.searchParams;
    const orderId = q.get('order_id');
    const stateFilter = q.get('state');
    const dir = q.get('sort_dir') === 'asc' ? 1 : -1;
    const page = positiveInt(q.get('page'), 1);
    const size = Math.min(positiveInt(q.get('page_size'), 20), 100);
    const rows = [...state.subscriptions.values()]
      .filter((s) => (orderId === null || s.order_id === orderId) && (stateFilter === null || s.state === stateFilter))
      .sort((a, b) => dir * (a.id - b.id))
      .slice((page - 1) * size, page * size);
    sendJson(ctx.res, 200, rows.map(subscriptionJson));
  });

  router.get('/subscriptions/:id', (ctx) => {
    const sub = findSubscription(ctx, state);
    if (sub) sendJson(ctx.res, 200, subscriptionJson(sub));
  });

  router.put('/subscriptions/:id/link', (ctx) => {
    const sub = findSubscription(ctx, state);
    if (!sub) return;
    const params = readParams(ctx);
    if (!params) return;
    // Unconfirmed: QuickPay's exact answer for a link on an authorized subscription.
    if (sub.accepted) return sendJson(ctx.res, 400, { message: 'Subscription is already authorized', error_code: null });
    const parsed = parseLink(params);
    if ('errors' in parsed) return sendJson(ctx.res, 400, validationError(parsed.errors));
    const url = setLink(state, sub, parsed.input, publicUrl, merchantId, now());
    sendJson(ctx.res, 200, { url });
  });

  router.delete('/subscriptions/:id/link', (ctx) => {
    const sub = findSubscription(ctx, state);
    if (!sub) return;
    for (const [token, id] of state.windows) if (id === sub.id) state.windows.delete(token);
    sub.link = null;
    sub.updated_at = now().toISOString();
    ctx.res.writeHead(204).end();
  });
}
