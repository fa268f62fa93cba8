import { randomBytes, randomUUID } from 'node:crypto';
import { addRecipient, type RecipientInput } from './recipients';
import type { AccountRecord, FenerumState, RecipientRecord } from './state';

export type NewAccountInput = { name?: string; email?: string; language?: string; currency?: string; country?: string; recipients?: RecipientInput[] };

/**
 * A fresh account of its own for one test (POST /__sandbox/accounts): a code no other call
 * gets (`T-` and random hex), no cards. Real Fenerum accounts are made in Fenerum's UI.
 * Its recipients: those given (`[]` for none), else one at `email` (default
 * `<code>@example.com`) taking invoices and payment confirmations. `email` is also what the
 * undocumented `billing_email` shows under the `accountBillingEmail` setting.
 */
export function addAccount(state: FenerumState, input: NewAccountInput, now: Date): { account: AccountRecord; recipients: RecipientRecord[] } {
  let code: string;
  do code = `T-${randomBytes(5).toString('hex').toUpperCase()}`;
  while (state.accounts.some((a) => a.code === code));
  const account: AccountRecord = {
    uuid: randomUUID(),
    code,
    company_name: input.name ?? `Testkunde ${code} ApS`,
    legal_address: 'Testvej 1',
    legal_zipcode: '1000',
    legal_city: 'København K',
    legal_country: input.country ?? 'DK',
    billing_email: input.email ?? `${code.toLowerCase()}@example.com`,
    currency: input.currency ?? 'DKK',
    language: input.language ?? 'da',
    created_date: now.toISOString(),
    last_modified_date: now.toISOString(),
  };
  state.accounts.push(account);
  const wanted = input.recipients ?? [{ name: 'Bogholderi', email: account.billing_email }];
  return { account, recipients: wanted.map((r) => addRecipient(state, account, r, now)) };
}
