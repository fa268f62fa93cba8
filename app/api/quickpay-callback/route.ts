import { receiveQuickpayCallback } from '@/lib/cards/quickpay/callback';
import { isRefused, refused } from '@/lib/domain/outcomes';
import { verifyQuickpayChecksum } from '@/lib/quickpay/checksum';
import { providerCallback } from '@/lib/server/provider-callback';
import { ok } from '@/lib/server/reply';

/** QuickPay's callback: verified, stored, answered; Fenerum is tried after the response, never before it. */
export const POST = providerCallback(
  {
    maxBytes: 256 * 1024,
    // Off (another provider is live and QuickPay's keys are unset): nothing is acknowledged as stored.
    verify: (raw, headers, ctx) =>
      !ctx.env.quickpay.enabled
        ? refused('disabled')
        : verifyQuickpayChecksum(raw, headers.get('quickpay-checksum-sha256'), ctx.env.quickpay.privateKey)
          ? headers.get('quickpay-resource-type')
          : refused('forged', 'quickpayChecksum'),
  },
  async ({ verified: resourceType, raw, ctx }) => {
    const outcome = await receiveQuickpayCallback(ctx.db, raw, resourceType, ctx.quickpayTestMode);
    if (isRefused(outcome)) return outcome;
    if (outcome.kind === 'ignored') {
      console.warn(`QuickPay callback ignored: ${outcome.reason}`);
      return ok({ ok: true, result: 'ignored', reason: outcome.reason });
    }
    if (outcome.registration.status === 'queued') ctx.registrar.inBackground(outcome.registration.id);
    return ok({ ok: true, result: 'queued' });
  },
);
