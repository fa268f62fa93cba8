import 'server-only';
import { env } from '@/lib/env';
import { merchantIdentity, type MerchantIdentity } from './identity';

let cached: MerchantIdentity | undefined;

/** This process's merchant (the configuration's, validated at start): for pages, which read no `ctx.env`. */
export function currentMerchant(): MerchantIdentity {
  cached ??= merchantIdentity(env());
  return cached;
}
