import type Stripe from 'stripe';
import type { CardBehaviour } from './test-cards';

/** What the emulator keeps beside each public object (never sent to clients). */
export type PaymentMethodRecord = {
  pm: Stripe.PaymentMethod;
  card?: { number: string; behaviour: CardBehaviour };
  iban?: string;
  /** Set up for off-session use by a succeeded (authenticated) SetupIntent or PaymentIntent. */
  setUpForOffSession: boolean;
  /** Used without a customer, or detached: Stripe refuses to use it again. */
  consumed: boolean;
  /**
   * The card's bank wants the cardholder to authenticate the next payment (a sandbox control:
   * expired authorisations, seeds/001): off-session it fails with `authentication_required`,
   * on-session it asks for 3-D Secure; a completed authentication clears it only when the
   * payment also set the card up for later (`setup_future_usage: off_session`).
   */
  bankDemandsAuthentication?: boolean;
};

export type PaymentIntentRecord = {
  pi: Stripe.PaymentIntent;
  offSession: boolean;
};

export type IntentKind = 'setup_intent' | 'payment_intent';

/** A pending 3-D Secure challenge (Stripe's `three_d_secure_redirect` source). */
export type Challenge = {
  id: string;
  kind: IntentKind;
  intentId: string;
  paymentMethod: string;
  /** Set when the intent asked for a redirect (`redirect_to_url`): where the page sends the customer. */
  returnUrl?: string;
  state: 'pending' | 'completed' | 'failed';
};

/** Any object the API can return or expand. */
export type StoredObject =
  Stripe.Customer | Stripe.PaymentMethod | Stripe.SetupIntent | Stripe.PaymentIntent | Stripe.SetupAttempt | Stripe.Mandate | Stripe.Charge;

/** Who caused a change: becomes the event's `request`. */
export type RequestInfo = { id: string | null; idempotencyKey: string | null };

export const AUTOMATIC: RequestInfo = { id: null, idempotencyKey: null };
