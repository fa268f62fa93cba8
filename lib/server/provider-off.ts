import 'server-only';
import { refused, type Refused } from '@/lib/domain/outcomes';
import type { AppContext } from './context';

/** A card provider a route belongs to. */
export type CardProvider = 'stripe' | 'quickpay';

/** What a customer's route answers when its provider is off. */
const OFF: Record<CardProvider, Refused> = {
  stripe: refused('disabled', 'stripeOff'),
  quickpay: refused('disabled', 'quickpayOff'),
};

/**
 * The one "provider is off" check (another provider is live and this one's keys are unset): a
 * customer's route says so; a provider's callback is refused without a sentence, and nothing
 * is acknowledged as stored. Null when the provider is on (or the route names none).
 */
export function providerOff(ctx: AppContext, provider: CardProvider | undefined, caller: 'customer' | 'callback'): Refused | null {
  if (!provider || ctx.env[provider].enabled) return null;
  return caller === 'customer' ? OFF[provider] : refused('disabled');
}
