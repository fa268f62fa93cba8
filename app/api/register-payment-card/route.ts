import { z } from 'zod';
import { registrationReply } from '@/lib/server/registration-reply';
import { customerRoute } from '@/lib/server/customer-route';

const body = z.object({
  setupIntentId: z.string({ error: 'setupIntentId is required' }).regex(/^seti_[A-Za-z0-9]{1,255}$/, 'setupIntentId must be a SetupIntent id (seti_…)'),
});

/** After confirmSetup: the server checks the SetupIntent with Stripe, then tries Fenerum while the customer waits (4 s at most). */
export const POST = customerRoute({ body, provider: 'stripe' }, async ({ session, body, ctx }) =>
  registrationReply(await ctx.cards.stripeCameBack(session, body.setupIntentId)),
);
