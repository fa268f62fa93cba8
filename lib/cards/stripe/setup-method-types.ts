/**
 * The payment methods a card setup offers: what the server's SetupIntent allows
 * (`allowed_payment_method_types`) and what the form's Payment Element, made before that
 * SetupIntent, shows (`allowedPaymentMethodTypes`). One list, so the two cannot differ; if they
 * did, Stripe would refuse to confirm an account of a type the SetupIntent does not allow.
 */
export const setupMethodTypes = (sepaEnabled: boolean): string[] => (sepaEnabled ? ['card', 'sepa_debit'] : ['card']);
