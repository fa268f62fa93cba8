import { startQuickpayCard } from '@/lib/cards/quickpay/start';
import { getLocale } from 'next-intl/server';
import { refused } from '@/lib/domain/outcomes';
import { customerRoute } from '@/lib/server/customer-route';
import { ok } from '@/lib/server/reply';

/** `{url}` of a QuickPay window that saves a card to the session's account. No body is read. */
export const POST = customerRoute({}, async ({ session, ctx, ip }) =>
  ctx.env.quickpay.enabled
    ? ok({ url: (await startQuickpayCard({ db: ctx.db, quickpay: ctx.quickpay, appUrl: ctx.env.appUrl }, session, await getLocale(), ip)).url })
    : refused('disabled', 'QuickPay is not offered here'),
);
