import type http from 'node:http';
import { header } from '../http';
import type { Ctx } from '../router';
import type { ApiRoutes } from './api-routes';
import { authenticate, publishableKeyForbidden, STRIPE_JS_PARAMS } from './auth';
import { API_VERSION } from './config';
import { StripeApiError, type StripeErrorBody } from './errors';
import { expandResponse } from './expand';
import { decodeForm, type FormObject } from './form';
import { newRequestId } from './ids';
import { Params } from './params';
import type { StripeState } from './state';

type Reply = { status: number; body: string; headers?: Record<string, string> };

/** Runs one `/v1` request: key, route, idempotency, handler, `expand[]`, Stripe's error envelope. */
export function handleApi(state: StripeState, routes: ApiRoutes, { req, res, body, url }: Ctx): void {
  const requestId = newRequestId();
  const idempotencyKey = req.method === 'POST' ? headerOf(req, 'idempotency-key') : null;
  const reply = run(state, routes, req, body, url, requestId, idempotencyKey);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'request-id': requestId,
    'stripe-version': headerOf(req, 'stripe-version') ?? API_VERSION,
    'cache-control': 'no-cache, no-store',
    ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    ...reply.headers,
  };
  res.writeHead(reply.status, { ...headers, 'content-length': Buffer.byteLength(reply.body) });
  res.end(reply.body);
}

function run(
  state: StripeState,
  routes: ApiRoutes,
  req: http.IncomingMessage,
  body: string,
  url: URL,
  requestId: string,
  idempotencyKey: string | null,
): Reply {
  const method = req.method ?? 'GET';
  const endpoint = `${method} ${url.pathname}`;
  let raw: FormObject;
  let auth: ReturnType<typeof authenticate>;
  try {
    raw = { ...decodeForm(url.search.slice(1)), ...(method === 'POST' ? decodeForm(body) : {}) };
    auth = authenticate(req, raw, state.options);
  } catch (err) {
    return errorReply(err, requestId);
  }
  if (auth.kind === 'publishable') for (const k of STRIPE_JS_PARAMS) delete raw[k];
  try {
    if (idempotencyKey) {
      const stored = state.idempotency.lookup(auth.key, idempotencyKey, endpoint, raw);
      if (stored) return { status: stored.status, body: stored.body, headers: { 'idempotent-replayed': 'true', 'original-request': stored.requestId } };
    }
  } catch (err) {
    return errorReply(err, requestId);
  }
  const reply = dispatch(state, routes, req, method, url, raw, auth.kind, requestId, idempotencyKey);
  if (idempotencyKey && reply.replayable) {
    state.idempotency.save(auth.key, idempotencyKey, endpoint, raw, { status: reply.status, body: reply.body, requestId });
  }
  return reply;
}

function dispatch(
  state: StripeState,
  routes: ApiRoutes,
  req: http.IncomingMessage,
  method: string,
  url: URL,
  raw: FormObject,
  auth: 'secret' | 'publishable',
  requestId: string,
  idempotencyKey: string | null,
): Reply & { replayable: boolean } {
  try {
    const match = routes.find(method, url.pathname);
    // Stripe answers an unknown URL and a known URL with the wrong method alike.
    if ('miss' in match) {
      throw new StripeApiError(
        404,
        {
          type: 'invalid_request_error',
          message: `Unrecognized request URL (${method}: ${url.pathname}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
        },
        false,
      );
    }
    if (auth === 'publishable' && !match.value.publishable) throw publishableKeyForbidden();
    const params = new Params(raw);
    const result = match.value.handler({
      state,
      params,
      path: match.params,
      auth,
      request: { id: requestId, idempotencyKey },
      client: { ip: clientIp(req), userAgent: headerOf(req, 'user-agent') ?? '' },
    });
    const expand = params.strings('expand') ?? [];
    const allowed = auth === 'publishable' ? expand.filter((p) => p === 'payment_method') : expand;
    const out = expandResponse(result, allowed, (id) => state.find(id));
    return { status: 200, body: JSON.stringify(out, null, 2), replayable: true };
  } catch (err) {
    return { ...errorReply(err, requestId), replayable: err instanceof StripeApiError && err.replayable };
  }
}

function errorReply(err: unknown, requestId: string): Reply {
  if (err instanceof StripeApiError) {
    const body: StripeErrorBody = { ...err.body, request_log_url: `https://dashboard.stripe.com/test/logs/${requestId}` };
    return { status: err.status, body: JSON.stringify({ error: body }, null, 2) };
  }
  const message = `Sandbox Stripe error: ${(err as Error).message}`;
  return { status: 500, body: JSON.stringify({ error: { type: 'api_error', message } }, null, 2), headers: { 'stripe-should-retry': 'false' } };
}

const headerOf = (req: http.IncomingMessage, name: string): string | null => header(req, name) ?? null;

function clientIp(req: http.IncomingMessage): string {
  const forwarded = headerOf(req, 'x-forwarded-for');
  return forwarded?.split(',')[0]?.trim() || req.socket.remoteAddress?.replace(/^::ffff:/, '') || '127.0.0.1';
}
