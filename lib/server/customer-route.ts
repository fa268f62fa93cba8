import 'server-only';
import type { z } from 'zod';
import type { CustomerSession } from '@/lib/auth/session-token';
import { readCustomerSession } from '@/lib/auth/customer-session';
import { refused } from '@/lib/domain/outcomes';
import { clientIp, readJson } from './read-json';
import { appContext, type AppContext } from './context';
import { answer, type Reply } from './reply';
import { providerOff, type CardProvider } from './provider-off';
import { hasAcceptedBodyType, isOwnNavigation, isSameOrigin } from './request-origin';

export type CustomerCall<B> = { req: Request; session: CustomerSession; body: B; ctx: AppContext; ip: string | null };

type Options<S extends z.ZodType | undefined> = {
  /** The JSON body's schema; none means the body is not read. */
  body?: S;
  maxBytes?: number;
  /** The card provider this route belongs to: when it is off here, the route answers 404 (lib/server/provider-off.ts) and the handler never runs. */
  provider?: CardProvider;
  /** How a refusal or failure reaches a person who followed a plain link (an HTML page). */
  page?: (reply: Response) => Promise<Response>;
  /**
   * A plain link (GET) instead of a fetch: the handler runs only for a top-level navigation from
   * our own pages; any other request (a link on another site, an image, a prefetch) gets this
   * page instead, whose button or link comes back as such a navigation.
   */
  plainLink?: { elsewhere: () => Promise<Response> };
};

/**
 * A route a customer's browser calls: the session (from the signed cookie, its link still
 * live) is required; the account comes from it alone. A fetch must come from our own pages
 * (same origin) with a JSON body type, else 403/415 and nothing is done; the body is
 * size-limited and zod-parsed; a route of a provider that is off answers 404; every refusal and
 * error goes through one mapper.
 */
export function customerRoute<S extends z.ZodType | undefined = undefined>(
  opts: Options<S>,
  handler: (call: CustomerCall<S extends z.ZodType ? z.infer<S> : undefined>) => Promise<Reply>,
): (req: Request) => Promise<Response> {
  return async (req) => {
    const res = await answer(async () => {
      const ctx = await appContext();
      const session = await readCustomerSession({ db: ctx.db, linkSecret: ctx.env.linkSecret, appUrl: ctx.env.appUrl });
      if (!session) return refused('session-ended');
      if (opts.plainLink) {
        if (!isOwnNavigation(req)) return opts.plainLink.elsewhere();
      } else {
        if (!isSameOrigin(req, ctx.env.appUrl)) return refused('cross-site');
        if (!hasAcceptedBodyType(req, !!opts.body)) return refused('unsupported-type');
      }
      const body = (opts.body ? await readJson(req, opts.body, opts.maxBytes) : undefined) as S extends z.ZodType ? z.infer<S> : undefined;
      return providerOff(ctx, opts.provider, 'customer') ?? handler({ req, session, body, ctx, ip: clientIp(req) });
    });
    return opts.page && !res.ok && res.status !== 303 ? opts.page(res) : res;
  };
}
