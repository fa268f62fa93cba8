/**
 * QuickPay marks a test card with `test_mode: true`. Its own Magento module refuses such a
 * callback when the shop is live: with a real QUICKPAY_API_KEY a test card is never registered
 * with Fenerum (which would charge a card that cannot pay) unless the operator allows it with
 * QUICKPAY_ALLOW_TEST_MODE=true. The sandbox always accepts them.
 */
export type TestModePolicy = { acceptTestMode: boolean };

/** What staff read on the registration, and in the audit log. */
export const TEST_MODE_REFUSED = 'QuickPay test card refused: QuickPay runs with a live API key (set QUICKPAY_ALLOW_TEST_MODE=true to accept test cards)';
