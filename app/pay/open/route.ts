import { openCustomerLink, recordLinkOpened } from '@/lib/auth/links';
import { clientIp, readLimitedText } from '@/lib/server/read-json';
import { appContext } from '@/lib/server/context';
import { answer } from '@/lib/server/reply';
import { isSameOrigin } from '@/lib/server/request-origin';
import { startSession } from '@/lib/server/start-session';
import { linkFailurePage, notFromOurPage } from './refusal-pages';

/**
 * The click on "Continue" or "Open <account>" (app/pay/open/ask-page.ts): the token comes in
 * the form's body, never in an address. Only a post from our own page starts the session; a
 * form on another site posting here gets a page that says nothing was opened.
 */
export function POST(req: Request) {
  return answer(async () => {
    const ctx = await appContext();
    if (!isSameOrigin(req, ctx.env.appUrl)) return notFromOurPage();
    const token = new URLSearchParams(await readLimitedText(req, 4 * 1024)).get('token') ?? '';
    const result = await openCustomerLink(ctx, token);
    if (!result.ok) return linkFailurePage(ctx, result.reason, token);
    await recordLinkOpened(ctx.db, result.session, clientIp(req));
    return startSession(ctx, result.session, result.landing);
  });
}
