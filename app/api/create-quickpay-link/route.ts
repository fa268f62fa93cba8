import { getLocale } from 'next-intl/server';
import { isRefused } from '@/lib/domain/outcomes';
import { customerRoute } from '@/lib/server/customer-route';
import { ok } from '@/lib/server/reply';

/** `{url}` of a QuickPay window that saves a card to the session's account (its open one again, if any). No body is read. */
export const POST = customerRoute({ provider: 'quickpay' }, async ({ session, ctx, ip }) => {
  const started = await ctx.cards.startQuickpay(session, await getLocale(), ip);
  return isRefused(started) ? started : ok({ url: started.url });
});
