import 'server-only';
import type { z } from 'zod';
import type { CustomerSession } from '@/lib/auth/session-token';
import { readCustomerSession } from '@/lib/auth/customer-session';
import { refused } from '@/lib/domain/outcomes';
import { clientIp, readJson } from '@/lib/http/read-json';
import { appContext, type AppContext } from './context';
import { answer, type Reply } from './reply';

export type CustomerCall<B> = { req: Request; session: CustomerSession; body: B; ctx: AppContext; ip: string | null };

type Options<S extends z.ZodType | undefined> = {
  /** The JSON body's schema; none means the body is not read. */
  body?: S;
  maxBytes?: number;
  /** How a refusal or failure reaches a person who followed a plain link (an HTML page). */
  page?: (reply: Response) => Promise<Response>;
};

/**
 * A route a customer's browser calls: the session (from the signed cookie, its link still
 * live) is required; the account comes from it alone; the body is size-limited and zod-parsed;
 * every refusal and error goes through one mapper.
 */
export function customerRoute<S extends z.ZodType | undefined = undefined>(
  opts: Options<S>,
  handler: (call: CustomerCall<S extends z.ZodType ? z.infer<S> : undefined>) => Promise<Reply>,
): (req: Request) => Promise<Response> {
  return async (req) => {
    const res = await answer(async () => {
      const ctx = await appContext();
      const session = await readCustomerSession({ db: ctx.db, linkSecret: ctx.env.linkSecret });
      if (!session) return refused('session-ended');
      const body = (opts.body ? await readJson(req, opts.body, opts.maxBytes) : undefined) as S extends z.ZodType ? z.infer<S> : undefined;
      return handler({ req, session, body, ctx, ip: clientIp(req) });
    });
    return opts.page && !res.ok && res.status !== 303 ? opts.page(res) : res;
  };
}
