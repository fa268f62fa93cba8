/**
 * What the Fenerum emulator asks a gateway emulator when a card is registered, the way real
 * Fenerum asks Stripe or QuickPay for the card behind a token. Null: the gateway does not know it.
 */
export type GatewayCard = { brand: string; last4: string; expMonth: number; expYear: number };

export type GatewayLookup = (gateway: 'stripe_new' | 'stripe' | 'quickpay', token: string) => GatewayCard | null;

/** What a charge through a gateway ended as: the gateway's payment id, its status and error code. */
export type GatewayChargeResult = { paymentGatewayId: string; status: string; errorCode: string | null };

/**
 * How the Fenerum emulator charges a card off-session (as Fenerum does when an invoice is due).
 * `demandAuthentication`: the card's bank wants this payment authenticated (expired authorisation).
 * Null: the gateway cannot charge this token.
 */
export type GatewayCharge = (
  gateway: 'stripe_new' | 'stripe' | 'quickpay',
  token: string,
  input: { amount: number; currency: string; description: string; demandAuthentication: boolean },
) => Promise<GatewayChargeResult | null>;

/**
 * How the Fenerum emulator saves a card through its own add-card link or Self-Service: on a
 * gateway customer that Fenerum makes (not one this portal made). The token to register, or null.
 */
export type CardToSave = { paymentMethod: string } | { number: string; expMonth: number; expYear: number };
export type GatewaySaveCard = (gateway: 'stripe_new', card: CardToSave) => Promise<{ token: string; customer: string } | null>;
