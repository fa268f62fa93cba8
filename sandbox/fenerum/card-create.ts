import { randomUUID } from 'node:crypto';
import type { GatewayLookup } from '../gateways';
import { GATEWAYS, type CardRecord, type FenerumState, type Gateway } from './state';

type FieldErrors = Record<string, string[]>;
export type CreateResult = { ok: true; card: CardRecord } | { ok: false; errors: FieldErrors };

const REQUIRED = 'This field is required.';

/** What each gateway's token looks like (Fenerum: pm_… for stripe_new, an integer for quickpay). */
const TOKEN_FORMAT: Record<Gateway, { pattern: RegExp; message: string }> = {
  stripe_new: { pattern: /^pm_[A-Za-z0-9_]+$/, message: 'Token for gateway "stripe_new" must be a Stripe PaymentMethod id (pm_…).' },
  stripe: { pattern: /^card_[A-Za-z0-9_]+$/, message: 'Token for gateway "stripe" must be a Stripe card id (card_…).' },
  quickpay: { pattern: /^[0-9]+$/, message: 'Token for gateway "quickpay" must be a QuickPay subscription id (an integer).' },
};

const isGateway = (v: string): v is Gateway => (GATEWAYS as readonly string[]).includes(v);

/** DRF CharField: strings, and numbers turned into strings; anything else is invalid. */
function asText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

type Caller = { user: string | null; clientSystem: string };

/**
 * POST /paymentcards/ as a DRF serializer validates it: every field's errors together first,
 * then the token against the gateway, then the gateway is asked about the token.
 * Fenerum has no idempotency: the same token twice makes two cards.
 */
export function createCard(state: FenerumState, lookupCard: GatewayLookup, body: unknown, caller: Caller, now: Date): CreateResult {
  const input = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const errors: FieldErrors = {};

  const account = asText(input.account);
  const gateway = asText(input.gateway);
  const token = asText(input.token);
  if (input.account === undefined || input.account === null || account === '') errors.account = [REQUIRED];
  else if (account === undefined) errors.account = ['Invalid value.'];
  else if (!state.accounts.some((a) => a.uuid === account.toLowerCase())) errors.account = [`Object with uuid=${account} does not exist.`];

  if (input.gateway === undefined || input.gateway === null || gateway === '') errors.gateway = [REQUIRED];
  else if (gateway === undefined || !isGateway(gateway)) errors.gateway = [`"${gateway ?? String(input.gateway)}" is not a valid choice.`];

  if (input.token === undefined || input.token === null || token === '') errors.token = [REQUIRED];
  else if (token === undefined) errors.token = ['Not a valid string.'];

  if (Object.keys(errors).length > 0 || !account || !gateway || !isGateway(gateway) || !token) return { ok: false, errors };

  if (gateway === 'quickpay' && state.settings.quickpayCards === 'refuse') {
    return { ok: false, errors: { gateway: ['Currently Stripe is the only supported gateway for payment cards.'] } };
  }
  const format = TOKEN_FORMAT[gateway];
  if (!format.pattern.test(token)) return { ok: false, errors: { token: [format.message] } };

  const found = lookupCard(gateway, token);
  if (!found) return { ok: false, errors: { token: [`The payment gateway "${gateway}" does not know this token.`] } };

  const card: CardRecord = {
    uuid: randomUUID(),
    account: account.toLowerCase(),
    active: true,
    brand: found.brand,
    last4: found.last4,
    month: found.expMonth,
    year: found.expYear,
    payment_gateway: gateway,
    token,
    created_date: now.toISOString(),
    createdBy: caller.user,
    createdByClientSystem: caller.clientSystem,
    disabledBy: null,
    disabledAt: null,
  };
  state.cards.push(card);
  return { ok: true, card };
}
