import { completePaymentAfterAuthentication, failPaymentAuthentication } from './payment-outcomes';
import { AUTOMATIC, type Challenge } from './records';
import { failSetupAuthentication, succeedSetup } from './setup-outcomes';
import type { StripeState } from './state';

export type ChallengeOutcome = 'complete' | 'fail';

export class ChallengeError extends Error {}

export type ChallengeResult = {
  challenge: Challenge;
  /** The intent's status after the challenge. */
  status: string;
  clientSecret: string;
  /** For redirect challenges: where the customer goes next (return_url + Stripe's query). */
  redirectUrl?: string;
};

export function findChallenge(state: StripeState, id: string): Challenge {
  const challenge = state.challenges.get(id);
  if (!challenge) throw new ChallengeError('This authentication link is not valid.');
  return challenge;
}

/** The customer pressed "Complete authentication" or "Fail authentication" on the 3-D Secure page. */
export function resolveChallenge(state: StripeState, id: string, outcome: ChallengeOutcome): ChallengeResult {
  const challenge = findChallenge(state, id);
  if (challenge.state !== 'pending') throw new ChallengeError('This authentication has already been completed or is no longer valid.');
  const pm = state.paymentMethods.get(challenge.paymentMethod);
  if (!pm) throw new ChallengeError('The payment method of this authentication no longer exists.');
  challenge.state = outcome === 'complete' ? 'completed' : 'failed';
  let status: string;
  let clientSecret: string;
  if (challenge.kind === 'setup_intent') {
    const si = state.setupIntents.get(challenge.intentId);
    if (!si || si.status !== 'requires_action') throw new ChallengeError('This SetupIntent no longer needs authentication.');
    if (outcome === 'complete') succeedSetup(state, si, pm, AUTOMATIC, true);
    else failSetupAuthentication(state, si, pm, AUTOMATIC);
    status = si.status;
    clientSecret = si.client_secret ?? '';
  } else {
    const rec = state.paymentIntents.get(challenge.intentId);
    if (!rec || rec.pi.status !== 'requires_action') throw new ChallengeError('This PaymentIntent no longer needs authentication.');
    if (outcome === 'complete') completePaymentAfterAuthentication(state, rec, pm, AUTOMATIC);
    else failPaymentAuthentication(state, rec, pm, AUTOMATIC);
    status = rec.pi.status;
    clientSecret = rec.pi.client_secret ?? '';
  }
  const result: ChallengeResult = { challenge, status, clientSecret };
  if (challenge.returnUrl) result.redirectUrl = returnUrlFor(challenge, status, clientSecret);
  return result;
}

/** Stripe's redirect: `?setup_intent=…&setup_intent_client_secret=…&redirect_status=…`. */
function returnUrlFor(challenge: Pick<Challenge, 'kind' | 'intentId' | 'returnUrl'>, status: string, clientSecret: string): string {
  const url = new URL(challenge.returnUrl ?? '/');
  url.searchParams.set(challenge.kind, challenge.intentId);
  url.searchParams.set(`${challenge.kind}_client_secret`, clientSecret);
  url.searchParams.set('redirect_status', redirectStatus(status));
  return url.toString();
}

const redirectStatus = (status: string): string =>
  status === 'succeeded' || status === 'requires_capture' ? 'succeeded' : status === 'processing' ? 'processing' : 'failed';
