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
export type ApiRoute = { method: Method; path: string; pattern: RegExp; keys: string[]; publishable: boolean; handler: ApiHandler };

/** The `/v1` route table. Routes marked `publishable` accept the publishable key, as Stripe.js uses it. */
export class ApiRoutes {
  private routes: ApiRoute[] = [];

  add(method: Method, path: string, handler: ApiHandler, opts: { publishable?: boolean } = {}): this {
    const keys: string[] = [];
    const source = path.replace(/:([a-z_]+)/g, (_, k: string) => {
      keys.push(k);
      return '([^/]+)';
    });
    this.routes.push({ method, path, pattern: new RegExp(`^${source}$`), keys, publishable: opts.publishable ?? false, handler });
    return this;
  }

  get(path: string, h: ApiHandler, opts?: { publishable?: boolean }) { return this.add('GET', path, h, opts); }
  post(path: string, h: ApiHandler, opts?: { publishable?: boolean }) { return this.add('POST', path, h, opts); }
  delete(path: string, h: ApiHandler, opts?: { publishable?: boolean }) { return this.add('DELETE', path, h, opts); }

  match(method: string, pathname: string): { route: ApiRoute; path: Record<string, string> } | null {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const m = route.pattern.exec(pathname);
      if (!m) continue;
      const path: Record<string, string> = {};
      route.keys.forEach((k, i) => (path[k] = decodeURIComponent(m[i + 1] ?? '')));
      return { route, path };
    }
    return null;
  }
}
