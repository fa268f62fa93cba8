import type { Decline } from './errors';

/** Stripe's documented test cards (docs.stripe.com/testing) and how each behaves here. */
export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'diners' | 'jcb' | 'unionpay' | 'unknown';

/**
 * `always`: every payment needs 3-D Secure, set up or not (4000002760003184).
 * `unless_setup`: setting up needs 3-D Secure; afterwards off-session payments go through,
 * on-session payments still ask (4000002500003155; 4000000000003220 is treated the same).
 */
type ThreeDS = 'none' | 'always' | 'unless_setup';

export type CardBehaviour = {
  threeDS: ThreeDS;
  /** Declined when the card is verified (setup, attach, any payment). */
  decline?: Decline;
  /** Attaches fine; every charge fails (4000000000000341). */
  chargeDecline?: Decline;
  funding?: 'credit' | 'debit' | 'prepaid';
  country?: string;
};

export const DECLINES = {
  generic: { code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' },
  insufficientFunds: { code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' },
  expired: { code: 'expired_card', decline_code: 'expired_card', message: 'Your card has expired.', param: 'exp_month' },
  incorrectCvc: { code: 'incorrect_cvc', decline_code: 'incorrect_cvc', message: "Your card's security code is incorrect.", param: 'cvc' },
  processing: {
    code: 'processing_error',
    decline_code: 'processing_error',
    message: 'An error occurred while processing your card. Try again in a little bit.',
  },
  liveCard: {
    code: 'card_declined',
    decline_code: 'test_mode_live_card',
    message:
      'Your card was declined. Your request was in test mode, but used a non test (live) card. For a list of valid test cards, visit: https://stripe.com/docs/testing.',
  },
  authenticationRequired: {
    code: 'authentication_required',
    decline_code: 'authentication_required',
    message: 'Your card was declined. This transaction requires authentication.',
  },
} satisfies Record<string, Decline>;

const ok: CardBehaviour = { threeDS: 'none' };

export const TEST_CARDS: Record<string, CardBehaviour> = {
  '4242424242424242': ok,
  '4000056655665556': { threeDS: 'none', funding: 'debit' },
  '5555555555554444': ok,
  '2223003122003222': ok,
  '5200828282828210': { threeDS: 'none', funding: 'debit' },
  '378282246310005': ok,
  '6011111111111117': ok,
  '4000002080000001': { threeDS: 'none', country: 'DK' },
  '4000000000003220': { threeDS: 'unless_setup' },
  '4000002760003184': { threeDS: 'always', country: 'DE' },
  '4000002500003155': { threeDS: 'unless_setup', country: 'IE' },
  '4000000000000002': { threeDS: 'none', decline: DECLINES.generic },
  '4000000000009995': { threeDS: 'none', decline: DECLINES.insufficientFunds },
  '4000000000000069': { threeDS: 'none', decline: DECLINES.expired },
  '4000000000000127': { threeDS: 'none', decline: DECLINES.incorrectCvc },
  '4000000000000119': { threeDS: 'none', decline: DECLINES.processing },
  '4000000000000341': { threeDS: 'none', chargeDecline: DECLINES.generic },
  // "Always authenticate, then decline with insufficient_funds" (docs.stripe.com/testing, 3-D Secure).
  '4000008260003178': { threeDS: 'always', chargeDecline: DECLINES.insufficientFunds },
};

/** Any other Luhn-valid number is a "live" card: declined in test mode, as Stripe does. */
export const behaviourOf = (number: string): CardBehaviour => TEST_CARDS[number] ?? { threeDS: 'none', decline: DECLINES.liveCard };

/** Test PaymentMethod ids usable anywhere a pm_ id is (each use creates a fresh PaymentMethod). */
export const TEST_PAYMENT_METHODS: Record<string, string> = {
  pm_card_visa: '4242424242424242',
  pm_card_visa_debit: '4000056655665556',
  pm_card_mastercard: '5555555555554444',
  pm_card_amex: '378282246310005',
  pm_card_discover: '6011111111111117',
  pm_card_dk: '4000002080000001',
  pm_card_threeDSecure2Required: '4000000000003220',
  pm_card_authenticationRequired: '4000002760003184',
  pm_card_authenticationRequiredOnSetup: '4000002500003155',
  pm_card_chargeDeclined: '4000000000000002',
  pm_card_visa_chargeDeclined: '4000000000000002',
  pm_card_chargeDeclinedInsufficientFunds: '4000000000009995',
  pm_card_visa_chargeDeclinedInsufficientFunds: '4000000000009995',
  pm_card_chargeDeclinedExpiredCard: '4000000000000069',
  pm_card_chargeDeclinedIncorrectCvc: '4000000000000127',
  pm_card_chargeDeclinedProcessingError: '4000000000000119',
  pm_card_chargeCustomerFail: '4000000000000341',
  pm_card_authenticationRequiredChargeDeclinedInsufficientFunds: '4000008260003178',
};

/** Test tokens (`card[token]=tok_visa`), for server-side code that must not see numbers. */
export const TEST_TOKENS: Record<string, string> = Object.fromEntries(
  Object.entries(TEST_PAYMENT_METHODS).map(([pm, number]) => [pm.replace(/^pm_card_/, 'tok_'), number]),
);

export function brandOf(number: string): CardBrand {
  if (/^4/.test(number)) return 'visa';
  if (/^(5[1-5]|2(2[2-9][1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720))/.test(number)) return 'mastercard';
  if (/^3[47]/.test(number)) return 'amex';
  if (/^(6011|65|64[4-9])/.test(number)) return 'discover';
  if (/^3(0[0-5]|[68])/.test(number)) return 'diners';
  if (/^35/.test(number)) return 'jcb';
  if (/^62/.test(number)) return 'unionpay';
  return 'unknown';
}

/** How Fenerum spells brands (its payment card objects say "Visa", "MasterCard"). */
export const FENERUM_BRANDS: Record<CardBrand, string> = {
  visa: 'Visa',
  mastercard: 'MasterCard',
  amex: 'American Express',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
  unknown: 'Unknown',
};
