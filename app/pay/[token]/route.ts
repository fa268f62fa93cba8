import { readCustomerSession } from '@/lib/auth/customer-session';
import { openCustomerLink, recordLinkOpened } from '@/lib/auth/links';
import { clientIp } from '@/lib/server/read-json';
import { appContext } from '@/lib/server/context';
import { answer, seeOther } from '@/lib/server/reply';
import { linkOpenedBy } from '@/lib/server/request-origin';
import { noLeak, startSession } from '@/lib/server/start-session';
import { askBeforeOpening } from '../open/ask-page';
import { linkFailurePage } from '../open/refusal-pages';

/**
 * Opening a customer link. The visitor's own navigation (typed, a bookmark, a mail app, our own
 * page) starts the link's session at once and sends the browser on to /pay. Anything else asks
 * first, and the session starts only after a click there (POST /pay/open): a link opened from
 * another site, or fetched without Fetch Metadata (a mail scanner pre-fetching it), and any
 * link to another account than the live session's ("You are viewing X. Open Y instead?").
 */
export async function GET(req: Request, route: { params: Promise<{ token: string }> }) {
  return answer(async () => {
    const [{ token }, ctx] = await Promise.all([route.params, appContext()]);
    const result = await openCustomerLink(ctx, token);
    if (!result.ok) return linkFailurePage(ctx, result.reason, token);
    const current = await readCustomerSession({ db: ctx.db, linkSecret: ctx.env.linkSecret, appUrl: ctx.env.appUrl });
    const sameAccount = current?.accountCode === result.session.accountCode;
    if (linkOpenedBy(req) === 'visitor' && (!current || sameAccount)) {
      await recordLinkOpened(ctx.db, result.session, clientIp(req));
      return startSession(ctx, result.session, result.landing);
    }
    // From elsewhere to the account already on view: nothing to start, nothing to ask.
    if (sameAccount) return seeOther(result.landing, noLeak);
    return askBeforeOpening(ctx, token, result.session, current);
  });
}
