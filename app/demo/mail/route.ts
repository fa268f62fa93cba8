import { z } from 'zod';
import { isRefused, refused } from '@/lib/domain/outcomes';
import { sendDemoExpiringEmail } from '@/lib/mail/demo';
import { appContext } from '@/lib/server/context';
import { answer, seeOther } from '@/lib/server/reply';
import { isSameOrigin } from '@/lib/server/request-origin';
import { notFromOurPage } from '@/app/pay/open/refusal-pages';

const input = z.object({ account: z.string().regex(/^(?!\.{1,2}$)[A-Za-z0-9_.-]{1,64}$/) });

/**
 * Sandbox mode only: the home page's "Send a test email" (an expiring-card email to the
 * account's billing address, caught by the sandbox's SMTP server). Only a post from our own
 * home page counts. Back to the home page, whose mailbox then lists the message.
 */
export function POST(req: Request) {
  return answer(async () => {
    const ctx = await appContext();
    if (!ctx.env.sandbox.fenerum) return refused('disabled');
    if (!isSameOrigin(req, ctx.env.appUrl)) return notFromOurPage();
    const form = await req.formData().catch(() => null);
    const parsed = input.safeParse({ account: form?.get('account') });
    if (!parsed.success) return refused('invalid-input', 'account must be an account code, such as CUST001');
    const result = await sendDemoExpiringEmail(ctx, parsed.data.account);
    if (isRefused(result)) return result;
    // Sent before the answer, so the mailbox the home page shows next has it (a failure is retried by the worker).
    if (result.status === 'queued') await ctx.mailer.sendNow(result.id);
    return seeOther(`/?mail=${result.status}#sandbox-mailbox`);
  });
}
