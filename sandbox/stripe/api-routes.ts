import { RouteTable } from '../router';
import type { Params } from './params';
import type { RequestInfo } from './records';
import type { StripeState } from './state';

/** What an API handler gets: the state, the decoded parameters, who is calling. */
export type ApiContext = {
  state: StripeState;
  params: Params;
  path: Record<string, string>;
  /** Secret key (server) or publishable key (Stripe.js). */
  auth: 'secret' | 'publishable';
  request: RequestInfo;
  client: { ip: string; userAgent: string };
};

/** Returns the JSON body (a stored object is serialized after `expand[]`). */
export type ApiHandler = (ctx: ApiContext) => unknown;

type Method = 'GET' | 'POST' | 'DELETE';
export type ApiRoute = { publishable: boolean; handler: ApiHandler };

/**
 * The `/v1` route table (the sandbox's one RouteTable, holding API handlers that return the
 * body). Routes marked `publishable` accept the publishable key, as Stripe.js uses it.
 */
export class ApiRoutes extends RouteTable<ApiRoute> {
  private route(method: Method, path: string, handler: ApiHandler, opts: { publishable?: boolean } = {}): this {
    this.add(method, path, { handler, publishable: opts.publishable ?? false });
    return this;
  }

  get(path: string, h: ApiHandler, opts?: { publishable?: boolean }) {
    return this.route('GET', path, h, opts);
  }
  post(path: string, h: ApiHandler, opts?: { publishable?: boolean }) {
    return this.route('POST', path, h, opts);
  }
  delete(path: string, h: ApiHandler, opts?: { publishable?: boolean }) {
    return this.route('DELETE', path, h, opts);
  }
}
