import 'server-only';
import { readCustomerSession } from '@/lib/auth/customer-session';
import type { CustomerSession } from '@/lib/auth/session-token';
import { appContext, type AppContext } from './context';

/**
 * For a customer page (a Server Component): the context and the session, or null when it has
 * ended. The page renders <SessionEnded> then; the account comes from the session alone.
 */
export async function customerPage(): Promise<{ ctx: AppContext; session: CustomerSession | null }> {
  const ctx = await appContext();
  return { ctx, session: await readCustomerSession({ db: ctx.db, linkSecret: ctx.env.linkSecret, appUrl: ctx.env.appUrl }) };
}
