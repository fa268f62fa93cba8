/**
 * What the Fenerum emulator asks a gateway emulator when a card is registered, the way real
 * Fenerum asks Stripe or QuickPay for the card behind a token. Null: the gateway does not know it.
 */
export type GatewayCard = { brand: string; last4: string; expMonth: number; expYear: number };

export type GatewayLookup = (gateway: 'stripe_new' | 'stripe' | 'quickpay', token: string) => GatewayCard | null;
