import Stripe from 'stripe';

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
  return new Stripe(secretKey, config);
}
