import { isRefused } from '@/lib/domain/outcomes';
import { sendDemoExpiringEmail } from '@/lib/mail/demo';
import { seeOther } from '@/lib/server/reply';
import { demoFormRoute } from '../demo-form-route';

/**
 * Sandbox mode only: the home page's "Send a test email" (an expiring-card email to the
 * account's recipients, as Fenerum lists them, caught by the sandbox's SMTP server). Only a post from our own
 * home page counts. Back to the home page, whose mailbox then lists the message.
 */
export const POST = demoFormRoute({ isOn: (sandbox) => sandbox.fenerum, invalidAccount: 'accountCodeExample' }, async (ctx, account) => {
  const result = await sendDemoExpiringEmail(ctx, account);
  if (isRefused(result)) return result;
  // Sent before the answer, so the mailbox the home page shows next has it (a failure is retried by the worker).
  if (result.status === 'queued') for (const m of result.messages.filter((x) => x.fresh)) await ctx.mailer.sendNow(m.id);
  return seeOther(`/?mail=${result.status}#sandbox-mailbox`);
});
