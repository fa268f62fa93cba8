import { newId } from './ids';
import type { Challenge, IntentKind } from './records';
import type { StripeState } from './state';

export type NextAction = {
  type: string;
  redirect_to_url?: { return_url: string | null; url: string | null };
  use_stripe_sdk?: Record<string, string>;
};

/**
 * Opens a 3-D Secure challenge for an intent and returns its `next_action`: Stripe.js's
 * `use_stripe_sdk` (a modal), or `redirect_to_url` when the server confirmed with a
 * `return_url` and without `use_stripe_sdk`.
 */
export function openChallenge(
  state: StripeState,
  kind: IntentKind,
  intentId: string,
  paymentMethod: string,
  opts: { returnUrl?: string; useStripeSdk: boolean },
): NextAction {
  for (const c of state.challenges.values()) if (c.intentId === intentId && c.state === 'pending') c.state = 'failed';
  const redirect = !!opts.returnUrl && !opts.useStripeSdk;
  const challenge: Challenge = { id: newId('src'), kind, intentId, paymentMethod, state: 'pending', ...(redirect ? { returnUrl: opts.returnUrl } : {}) };
  state.challenges.set(challenge.id, challenge);
  const url = `${state.options.publicUrl}/3ds/authenticate/${challenge.id}`;
  if (redirect) return { type: 'redirect_to_url', redirect_to_url: { return_url: opts.returnUrl ?? null, url } };
  return {
    type: 'use_stripe_sdk',
    use_stripe_sdk: { type: 'three_d_secure_redirect', stripe_js: url, source: challenge.id, known_frame_issues: 'false' },
  };
}

/** Invalidates an intent's open challenge (cancel, new confirm). */
export function closeChallenges(state: StripeState, intentId: string): void {
  for (const c of state.challenges.values()) if (c.intentId === intentId && c.state === 'pending') c.state = 'failed';
}
