import 'server-only';
import type { z } from 'zod';
import { hasBearer } from './bearer';
import { refused } from '@/lib/domain/outcomes';
import { clientIp, readJson } from './read-json';
import { appContext, type AppContext } from './context';
import { answer, type Reply } from './reply';

export type ApiKeyCall<B, P> = { req: Request; body: B; params: P; ctx: AppContext; ip: string | null };
type RouteContext<P> = { params: Promise<P> };

const isJson = (req: Request) => /^application\/json\s*(;|$)/i.test(req.headers.get('content-type') ?? '');

/**
 * A route the merchant's backend calls with `Authorization: Bearer <PORTAL_API_KEY>` (compared
 * in constant time) before anything is read; then the body must be JSON (415), is size-limited and zod-parsed.
 */
export function apiKeyRoute<S extends z.ZodType | undefined = undefined, P = Record<string, never>>(
  opts: { body?: S; maxBytes?: number },
  handler: (call: ApiKeyCall<S extends z.ZodType ? z.infer<S> : undefined, P>) => Promise<Reply>,
): (req: Request, route?: RouteContext<P>) => Promise<Response> {
  return (req, route) =>
    answer(async () => {
      const ctx = await appContext();
      if (!hasBearer(req, ctx.env.portalApiKey)) return refused('unauthenticated', 'apiKeyMissing', { key: '<PORTAL_API_KEY>' });
      if (opts.body && !isJson(req)) return refused('unsupported-type', 'contentTypeJson');
      const body = (opts.body ? await readJson(req, opts.body, opts.maxBytes) : undefined) as S extends z.ZodType ? z.infer<S> : undefined;
      return handler({ req, body, params: ((await route?.params) ?? {}) as P, ctx, ip: clientIp(req) });
    });
}
