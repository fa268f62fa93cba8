import type http from 'node:http';

/**
 * The one router of the sandbox's HTTP servers: a method + path table (`:name` segments
 * capture), middleware scoped by path prefix (authentication, rate limits, CORS, a whole
 * sub-API mounted under a prefix), and a 404/405 answer in the provider's own shape.
 */
export type Params = Record<string, string>;
export type Ctx = {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  url: URL;
  params: Params;
  /** The raw request body (already read). */
  body: string;
};
export type Handler = (ctx: Ctx) => void | Promise<void>;
/** Runs before the route: calls `next()` to go on, or answers itself and does not. */
export type Middleware = (ctx: Ctx, next: () => Promise<void>) => void | Promise<void>;
/** Which paths a middleware runs for: those under `only` (default: all) and not under `except`. */
export type Scope = { only?: string[]; except?: string[] };
export type Miss = 404 | 405;

type Entry<T> = { method: string; pattern: RegExp; keys: string[]; value: T };

/** Compiles `/v1/setup_intents/:intent/confirm` into a pattern and its capture names. */
function compile(path: string): { pattern: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = path
    .split('/')
    .map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      keys.push(part.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), keys };
}

/** A method + path table holding any kind of handler (Stripe's API keeps its own handler type). */
export class RouteTable<T> {
  private entries: Array<Entry<T>> = [];

  add(method: string, path: string, value: T): void {
    this.entries.push({ method, ...compile(path), value });
  }

  /** The route and its path parameters, or 404 (no such path) / 405 (path known, method not). */
  find(method: string, pathname: string): { value: T; params: Params } | { miss: Miss } {
    let pathMatched = false;
    for (const entry of this.entries) {
      const m = entry.pattern.exec(pathname);
      if (!m) continue;
      pathMatched = true;
      if (entry.method !== method) continue;
      const params: Params = {};
      entry.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1] ?? '')));
      return { value: entry.value, params };
    }
    return { miss: pathMatched ? 405 : 404 };
  }
}

const inScope = (path: string, scope: Scope): boolean =>
  (scope.only === undefined || scope.only.some((p) => path.startsWith(p))) && !(scope.except ?? []).some((p) => path.startsWith(p));

export type NotFound = (ctx: Ctx, status: Miss) => void;

export class Router {
  private table = new RouteTable<Handler>();
  private layers: Array<{ scope: Scope; middleware: Middleware }> = [];

  /** `notFound` answers a path no route has (404) or a method it lacks (405). */
  constructor(private readonly notFound: NotFound) {}

  on(method: string, path: string, handler: Handler): this {
    this.table.add(method, path, handler);
    return this;
  }

  get(path: string, h: Handler) {
    return this.on('GET', path, h);
  }
  post(path: string, h: Handler) {
    return this.on('POST', path, h);
  }
  put(path: string, h: Handler) {
    return this.on('PUT', path, h);
  }
  delete(path: string, h: Handler) {
    return this.on('DELETE', path, h);
  }

  /** Adds a middleware; they run in the order added, before the route is looked up. */
  use(middleware: Middleware, scope: Scope = {}): this {
    this.layers.push({ scope, middleware });
    return this;
  }

  async handle(req: http.IncomingMessage, res: http.ServerResponse, body: string): Promise<void> {
    const ctx: Ctx = { req, res, url: new URL(req.url ?? '/', 'http://sandbox.local'), params: {}, body };
    const layers = this.layers.filter((l) => inScope(ctx.url.pathname, l.scope));
    const run = async (i: number): Promise<void> => {
      const layer = layers[i];
      if (layer) return layer.middleware(ctx, () => run(i + 1));
      const found = this.table.find(req.method ?? 'GET', ctx.url.pathname);
      if ('miss' in found) return this.notFound(ctx, found.miss);
      ctx.params = found.params;
      await found.value(ctx);
    };
    await run(0);
  }
}
