import 'server-only';
import Stripe from 'stripe';
import { env } from '@/lib/env';
import { processSingleton } from '@/lib/process-singleton';

/** The Stripe SDK for this configuration: the sandbox's emulator through host/port/protocol when no key is set. */
export function stripe(): Stripe {
  return processSingleton('stripe-client', makeStripe);
}

function makeStripe(): Stripe {
  const { secretKey, apiUrl } = env().stripe;
  const config: Stripe.StripeConfig = { maxNetworkRetries: 2, timeout: 15_000, appInfo: { name: 'card-portal' } };
  if (apiUrl) {
    const url = new URL(apiUrl);
    config.host = url.hostname;
    config.port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    config.protocol = url.protocol === 'https:' ? 'https' : 'http';
  }
  return new Stripe(secretKey, config);
}
