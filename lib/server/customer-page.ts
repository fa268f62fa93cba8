import 'server-only';
import { readCustomerSession, readEndedSession, readSessionCookie } from '@/lib/auth/customer-session';
import type { CustomerSession } from '@/lib/auth/session-token';
import { readPortalView, type PortalView } from '@/lib/cards/portal-view';
import { appContext, type AppContext } from './context';

/**
 * For a customer page (a Server Component): the context and the session, or null when it has
 * ended. The page renders <SessionEnded> then; the account comes from the session alone.
 */
export async function customerPage(): Promise<{ ctx: AppContext; session: CustomerSession | null }> {
  const ctx = await appContext();
  return { ctx, session: await readCustomerSession({ db: ctx.db, linkSecret: ctx.env.linkSecret, appUrl: ctx.env.appUrl }) };
}

export type PortalPage = { ctx: AppContext; session: CustomerSession; view: PortalView } | { ctx: AppContext; session: null; view: null };

/**
 * For the portal page (/pay): as customerPage, but the link's liveness and everything the page
 * reads from the database come in one query (lib/cards/portal-view.ts). No cookie: no query.
 */
export async function customerPortalPage(now: Date): Promise<PortalPage> {
  const ctx = await appContext();
  const session = await readSessionCookie({ linkSecret: ctx.env.linkSecret, appUrl: ctx.env.appUrl });
  const view = session && (await readPortalView(ctx.db, session, now));
  return session && view ? { ctx, session, view } : { ctx, session: null, view: null };
}

/** What a customer page without a live session says: "ended" with the new-link form's signed value, or "never opened a link". */
type NoSession = { kind: 'ended'; ask: string | null } | { kind: 'none'; merchant: string };

/**
 * For <SessionEnded>: a session cookie of ours that ended (expired, or its link withdrawn)
 * gives the "email me a new link" form for its account; none at all, how to get a link.
 */
export async function noSession(): Promise<NoSession> {
  const ctx = await appContext();
  const ended = await readEndedSession({ linkSecret: ctx.env.linkSecret, appUrl: ctx.env.appUrl });
  return ended ? { kind: 'ended', ask: ctx.newLinks.askForSession(ended) } : { kind: 'none', merchant: ctx.mailer.merchant.name };
}
