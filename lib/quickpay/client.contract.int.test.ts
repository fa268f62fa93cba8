import { describe, expect, it } from 'vitest';
import { sandboxSecrets } from '@/lib/env/sandbox-defaults';
import { contractRunId, describeContract } from '@/test/support/provider-contract';
import { sandboxUrls } from '@/test/support/sandbox-control';
import { createQuickpayClient } from './client';
import { isQuickpayError } from './errors';

/**
 * QuickPay's documented subscription flow (PROVIDERS.md). Real: CONTRACT_QUICKPAY_API_KEY, the
 * API key of a QuickPay account in test mode (CONTRACT_QUICKPAY_URL to point elsewhere). Each
 * run leaves one unauthorised subscription ("contract-…") behind; nothing is charged.
 */
type Target = { apiUrl: string; apiKey: string };

const env = process.env;
const real: Target | undefined = env.CONTRACT_QUICKPAY_API_KEY
  ? { apiUrl: env.CONTRACT_QUICKPAY_URL || 'https://api.quickpay.net', apiKey: env.CONTRACT_QUICKPAY_API_KEY }
  : undefined;
const sandbox: Target = { apiUrl: sandboxUrls.quickpay, apiKey: sandboxSecrets.QUICKPAY_API_KEY };

describeContract('QuickPay', { sandbox, real, keys: ['CONTRACT_QUICKPAY_API_KEY'] }, ({ config: t }) => {
  const client = (apiKey = t.apiKey) => createQuickpayClient({ apiUrl: t.apiUrl, apiKey, maxRetries: 1 });
  const back = (path: string) => `https://card-portal.invalid/contract/${path}`;

  describe('saving a card through a subscription', () => {
    it('creates a subscription, creates its link, and reads it back', async () => {
      const orderId = `ct-${contractRunId()}`.slice(0, 20);
      const sub = await client().createSubscription({ orderId, currency: 'DKK', description: 'card-portal contract test' });
      expect(sub).toMatchObject({ order_id: orderId, accepted: false, currency: 'DKK' });
      expect(sub.type.toLowerCase()).toBe('subscription');
      expect(Number.isInteger(sub.id) && sub.id > 0).toBe(true);

      const url = await client().createLink(sub.id, {
        amount: 0,
        continueUrl: back('continue'),
        cancelUrl: back('cancel'),
        callbackUrl: back('callback'),
        language: 'da',
      });
      expect(() => new URL(url)).not.toThrow();

      const again = await client().getSubscription(sub.id);
      expect(again).toMatchObject({ id: sub.id, order_id: orderId, accepted: false });
    });
  });

  describe('authentication', () => {
    it('answers 401 for a bad API key', async () => {
      const err = await client('not-a-valid-key')
        .getSubscription(1)
        .catch((e: unknown) => e);
      expect(isQuickpayError(err) && err.status).toBe(401);
    });
  });
});
