import { providerCallback } from '@/lib/server/provider-callback';

/**
 * QuickPay's callback: the checksum verified, the callback stored and answered; Fenerum is tried
 * after the response, never before it (lib/cards/quickpay/callback.ts, bound in lib/server/context.ts).
 */
export const POST = providerCallback('quickpay', { maxBytes: 256 * 1024 });
