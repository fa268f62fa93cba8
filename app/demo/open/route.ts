import { z } from 'zod';
import { issueCustomerLink } from '@/lib/auth/links';
import { isRefused, refused } from '@/lib/domain/outcomes';
import { clientIp } from '@/lib/http/read-json';
import { appContext } from '@/lib/server/context';
import { answer, seeOther } from '@/lib/server/reply';
import { isSameOrigin } from '@/lib/server/request-origin';
import { notFromOurPage } from '@/app/pay/open/refusal-pages';

const input = z.object({ account: z.string().regex(/^(?!\.{1,2}$)[A-Za-z0-9_.-]{1,64}$/) });

/**
 * Sandbox mode only: the home page's "Open portal" button. Issues a short link for a demo
 * account and sends the browser to it, exactly as a customer following an emailed link. Only a
 * post from our own home page counts: another site's form gets a page that says nothing was opened.
 */
export function POST(req: Request) {
  return answer(async () => {
    const ctx = await appContext();
    if (!ctx.env.sandbox.fenerum) return refused('disabled');
    if (!isSameOrigin(req, ctx.env.appUrl)) return notFromOurPage();
    const form = await req.formData().catch(() => null);
    const parsed = input.safeParse({ account: form?.get('account') });
    if (!parsed.success) return refused('invalid-input', 'account must be a demo account code');
    const link = await issueCustomerLink(ctx, { accountCode: parsed.data.account, expiresIn: '1h', issuedBy: 'sandbox-home', ip: clientIp(req) });
    if (isRefused(link)) return link;
    return seeOther(new URL(link.url).pathname, { 'Referrer-Policy': 'no-referrer' });
  });
}
