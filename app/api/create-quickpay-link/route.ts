import { startQuickpayCard } from '@/lib/cards/quickpay/start';
import { getLocale } from 'next-intl/server';
import { isRefused, refused } from '@/lib/domain/outcomes';
import { customerRoute } from '@/lib/server/customer-route';
import { ok } from '@/lib/server/reply';

/** `{url}` of a QuickPay window that saves a card to the session's account (its open one again, if any). No body is read. */
export const POST = customerRoute({}, async ({ session, ctx, ip }) => {
  if (!ctx.env.quickpay.enabled) return refused('disabled', 'quickpayOff');
  const deps = { db: ctx.db, quickpay: ctx.quickpay, appUrl: ctx.env.appUrl, setupsPerHour: ctx.env.cardSetupsPerHour };
  const started = await startQuickpayCard(deps, session, await getLocale(), ip);
  return isRefused(started) ? started : ok({ url: started.url });
});
