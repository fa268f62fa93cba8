import { z } from 'zod';
import { loadApproval } from '@/lib/approvals/load-approval';
import { refused, isRefused } from '@/lib/domain/outcomes';
import { cardSummaryOf } from '@/lib/registrations/store';
import { customerRoute } from '@/lib/server/customer-route';
import { ok } from '@/lib/server/reply';

const body = z.object({
  paymentIntentId: z.string({ error: 'paymentIntentId is required' }).regex(/^pi_[A-Za-z0-9_]{1,255}$/, 'paymentIntentId must be a PaymentIntent id (pi_…)'),
});

/**
 * After the approval page confirmed with Stripe.js: the server reads the PaymentIntent from
 * Stripe (this account's only) and answers its state; a new card the customer paid with is
 * registered with Fenerum through the one queue, tried while the customer waits (4 s at most).
 * Never answers a client secret.
 */
export const POST = customerRoute({ body }, async ({ session, body, ctx }) => {
  if (!ctx.env.stripe.enabled) return refused('disabled', 'stripeOff');
  const view = await loadApproval(ctx, session, body.paymentIntentId);
  if (isRefused(view)) return view;
  if (view.state === 'needs-approval') return ok({ state: view.state, authenticationFailed: view.authenticationFailed, declined: view.declined });
  const reg = view.registration;
  const registered = reg?.status === 'queued' ? (await ctx.registrar.tryNow(reg.id, 4_000)).registration : reg;
  return ok({ state: view.state, card: registered ? cardSummaryOf(registered) : null });
});
