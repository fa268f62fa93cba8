/**
 * The payment methods the sandbox account has turned on in its "Dashboard": what an intent
 * offers when nothing narrows it (the API), and what a Payment Element created without an
 * intent shows (Stripe.js). Shared by both sides, so they cannot drift apart.
 */
export const DASHBOARD_METHODS: readonly string[] = ['card', 'sepa_debit'];

/** SEPA Direct Debit takes payments in euros only; a setup (no amount) takes any currency. */
export const compatibleWith = (mode: string, currency: string | undefined) => (type: string) =>
  type !== 'sepa_debit' || mode !== 'payment' || currency === undefined || currency === 'eur';
