import { isRefused } from '@/lib/domain/outcomes';
import { ok } from '@/lib/server/reply';
import { customerRoute } from '@/lib/server/customer-route';

/** A SetupIntent for the session's account (its open one again, if any); nothing in the request names the account. */
export const POST = customerRoute({ provider: 'stripe' }, async ({ session, ctx, ip }) => {
  const started = await ctx.cards.startStripe(session, ip);
  return isRefused(started) ? started : ok(started);
});
