import { z } from 'zod';
import { approvalConfirmed } from '@/lib/approvals/confirmed';
import { isRefused } from '@/lib/domain/outcomes';
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
export const POST = customerRoute({ body, provider: 'stripe' }, async ({ session, body, ctx }) => {
  const confirmed = await approvalConfirmed(ctx, session, body.paymentIntentId);
  return isRefused(confirmed) ? confirmed : ok(confirmed);
});
