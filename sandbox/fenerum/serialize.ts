import type { AccountRecord, CardRecord, RecipientRecord, Settings } from './state';

/**
 * The account as Fenerum's API shows it: `billing_email` (undocumented) only with the
 * `accountBillingEmail` setting, `currency` (unconfirmed) only with `accountCurrency`;
 * `last_modified_date` never (documented as a filter, not as a field).
 */
export const accountJson = (a: AccountRecord, settings: Pick<Settings, 'accountBillingEmail' | 'accountCurrency'>) => {
  const { billing_email, currency, last_modified_date: _filteredOnly, ...documented } = a;
  return { ...documented, ...(settings.accountBillingEmail ? { billing_email } : {}), ...(settings.accountCurrency ? { currency } : {}) };
};

/** A recipient as Fenerum documents it (fenerum.com/docs/api/recipient). */
export const recipientJson = (r: RecipientRecord) => ({
  uuid: r.uuid,
  account: r.account,
  name: r.name,
  email: r.email,
  receive_invoice: r.receive_invoice,
  receive_payment_confirmation: r.receive_payment_confirmation,
  receive_subscription_notifications: r.receive_subscription_notifications,
});

/**
 * The payment card as Fenerum documents it (PROVIDERS.md): the number masked to its last four
 * digits, no `token` and no `created_date`; `token` only with the `cardTokens` setting.
 */
export const cardJson = (c: CardRecord, settings: Pick<Settings, 'cardTokens'>, isDefault?: boolean) => ({
  uuid: c.uuid,
  active: c.active,
  brand: c.brand,
  card_number: `XXXXXXXXXXXX${c.last4}`,
  month: c.month,
  year: c.year,
  payment_gateway: c.payment_gateway,
  account: c.account,
  ...(settings.cardTokens ? { token: c.token } : {}),
  // Only under the `cardDefaultField` switch: no public document shows which card Fenerum charges.
  ...(isDefault === undefined ? {} : { is_default: isDefault }),
});

/** The active card of an account the emulator charges under `cardDefaultField`: the last one it stored (a choice; Fenerum's is unconfirmed). */
export const defaultCardOf = (cards: readonly CardRecord[], account: string): string | undefined =>
  cards.filter((c) => c.account === account && c.active).at(-1)?.uuid;

/** Everything the sandbox keeps of a card (token, created date, audit fields), for the control endpoint. */
export const cardRecordJson = (c: CardRecord) => ({
  ...cardJson(c, { cardTokens: true }),
  created_date: c.created_date,
  created_by: c.createdBy,
  created_by_client_system: c.createdByClientSystem,
  disabled_by: c.disabledBy,
  disabled_at: c.disabledAt,
});

/** Fenerum's list order: oldest first (a stable order, so pages do not shift). */
export const byCreated = (a: CardRecord, b: CardRecord) => a.created_date.localeCompare(b.created_date) || a.uuid.localeCompare(b.uuid);
