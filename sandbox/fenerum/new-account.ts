import { randomBytes, randomUUID } from 'node:crypto';
import type { AccountRecord, FenerumState } from './state';

export type NewAccountInput = { name?: string; email?: string; language?: string };

/**
 * A fresh account of its own for one test (POST /__sandbox/accounts): a code no other call
 * gets (`T-` and random hex), no cards. Real Fenerum accounts are made in Fenerum's UI.
 */
export function addAccount(state: FenerumState, input: NewAccountInput, now: Date): AccountRecord {
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
    legal_country: 'DK',
    billing_email: input.email ?? `${code.toLowerCase()}@example.com`,
    language: input.language ?? 'da',
    created_date: now.toISOString(),
  };
  state.accounts.push(account);
  return account;
}
