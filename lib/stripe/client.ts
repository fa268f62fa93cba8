import Stripe from 'stripe';
import { observeStripeResponse } from '@/lib/metrics/provider-calls';

export type StripeClientConfig = { secretKey: string; apiUrl?: string };

/** The Stripe SDK for a configuration: the sandbox's emulator through host/port/protocol when `apiUrl` is set. */
export function createStripeClient({ secretKey, apiUrl }: StripeClientConfig): Stripe {
  const config: Stripe.StripeConfig = { maxNetworkRetries: 2, timeout: 15_000, appInfo: { name: 'card-portal' } };
  if (apiUrl) {
    const url = new URL(apiUrl);
    config.host = url.hostname;
    config.port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    config.protocol = url.protocol === 'https:' ? 'https' : 'http';
  }
  const stripe = new Stripe(secretKey, config);
  // The SDK's own HTTP (not lib/provider-http): each answer counted with the other providers' calls.
  stripe.on('response', observeStripeResponse);
  return stripe;
}
