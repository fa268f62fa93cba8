import { Server, type IncomingMessage, type ServerResponse } from 'node:http';
import { log, requestIdFrom, withRequestContext } from '@/lib/log';
import { countHttpRequest, routeLabel } from '@/lib/metrics/http';
import { metrics } from '@/lib/metrics/registry';
import { actionOriginRefusal } from './action-origin';
import { createGate, isMerchantApi, type GateLimits } from './api-gate';

/**
 * What the app answers before Next sees a request. Next turns some requests into a 500 it
 * never shows a route: a method the fetch standard forbids (TRACE, TRACK, CONNECT: building
 * the Request throws) and a malformed `%` escape in a dynamic segment (decoding the params
 * throws). Neither reaches proxy.ts, so they are answered here, on the Node server itself.
 */
export type FrontDoorAnswer = { status: number; code: string; error: string; headers?: Record<string, string> };

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const HSTS = 'max-age=31536000; includeSubDomains';

export function frontDoorAnswer(method: string | undefined, url: string | undefined): FrontDoorAnswer | null {
  if (!method || !METHODS.includes(method))
    return { status: 405, code: 'method-not-allowed', error: `Method ${method ?? ''} not allowed`, headers: { Allow: METHODS.join(', ') } };
  const path = (url ?? '/').split('?')[0] ?? '/';
  try {
    decodeURIComponent(path);
  } catch {
    return { status: 400, code: 'invalid-input', error: 'Malformed percent-encoding in the address' };
  }
  return null;
}

/** X-Forwarded-For with the socket's address appended, as a proxy appends the address it saw. */
export function withPeer(forwardedFor: string | string[] | undefined, peer: string | undefined): string {
  const before = Array.isArray(forwardedFor) ? forwardedFor.join(', ') : forwardedFor;
  return before ? `${before}, ${peer ?? 'unknown'}` : (peer ?? 'unknown');
}

const INSTALLED = Symbol.for('card-portal:front-door');

/** The merchant's API requests let into Next at a time, and how many may wait (api-gate.ts). */
const API_GATE: GateLimits = { limit: 4, maxQueued: 1_000 };
const BUSY: FrontDoorAnswer = {
  status: 503,
  code: 'busy',
  error: 'Too many API requests are waiting here; try again in a second',
  headers: { 'Retry-After': '1' },
};

function refuse(req: IncomingMessage, res: ServerResponse, refusal: FrontDoorAnswer): void {
  res.writeHead(refusal.status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...refusal.headers });
  res.end(JSON.stringify({ error: refusal.error, code: refusal.code }));
  req.resume();
}

/** A request answered: counted by its route's pattern, and one log line (the pattern, never the address: it can hold a link's token). */
function answered(req: IncomingMessage, status: number, started: number, requestId: string): void {
  const seconds = (performance.now() - started) / 1000;
  const route = routeLabel(req.url);
  countHttpRequest(req.method, route, status, seconds);
  log.info({ requestId, method: req.method, route, status, ms: Math.round(seconds * 1000) }, 'answered');
}

/**
 * Installs the front door on this process's HTTP server (instrumentation.ts, `next start`):
 * refuses what Next would fail on (a Server Action from another site included: action-origin.ts), appends the socket's address to X-Forwarded-For (the one
 * place the socket is known: route handlers never see it; Next itself only sets the header when
 * the client sent none), and adds HSTS when the portal is served over https. Every request gets
 * its id here (a sane incoming `X-Request-Id`, else a new one: lib/log/request-context.ts), on
 * the response's headers and on every log line written while it runs, and is counted in the
 * metrics by route and status once answered (lib/metrics/http.ts). The merchant's API goes into
 * Next a few requests at a time, the rest waiting here (api-gate.ts), so that its bursts never
 * crowd out customers' pages. `server`: a subclass of http.Server (a test's), to have a door of its own.
 */
export function installFrontDoor(opts: { hsts: boolean; apiGate?: GateLimits }, server: typeof Server = Server): void {
  const proto = server.prototype as Server & { [INSTALLED]?: true };
  if (Object.hasOwn(proto, INSTALLED)) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  const apiGate = createGate(opts.apiGate ?? API_GATE);
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const [req, res] = args as [IncomingMessage, ServerResponse];
      const requestId = requestIdFrom(req.headers['x-request-id']);
      req.headers['x-request-id'] = requestId;
      res.setHeader('X-Request-Id', requestId);
      const started = performance.now();
      res.once('finish', () => answered(req, res.statusCode, started, requestId));
      if (opts.hsts) res.setHeader('Strict-Transport-Security', HSTS);
      const refusal = frontDoorAnswer(req.method, req.url) ?? actionOriginRefusal(req.method, req.url, req.headers);
      if (refusal) {
        refuse(req, res, refusal);
        return true;
      }
      req.headers['x-forwarded-for'] = withPeer(req.headers['x-forwarded-for'], req.socket.remoteAddress);
      const handle = () => withRequestContext({ requestId }, () => Reflect.apply(emit, this, [event, ...args]) as boolean);
      if (!isMerchantApi(req.url)) return handle();
      const waiting = () => metrics().apiWaiting.set(apiGate.queued);
      const entered = apiGate.enter(
        (done) => {
          res.once('close', done);
          waiting();
          handle();
        },
        () => !res.destroyed && !req.socket.destroyed,
      );
      waiting();
      if (!entered) refuse(req, res, BUSY);
      return true;
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof proto.emit;
}
