import { describe, expect, it } from 'vitest';
import { SANDBOX_FENERUM_CLIENT_SYSTEM, sandboxSecrets } from '@/lib/env/sandbox-defaults';
import { contractRunId, describeContract } from '@/test/support/provider-contract';
import { sandboxUrls } from '@/test/support/sandbox-control';
import { createFenerumClient } from './client';
import { isFenerumError } from './errors';

/**
 * Fenerum's documented behaviour (PROVIDERS.md), read-only: nothing is created or changed, so
 * it is safe against any Fenerum organisation. Real: CONTRACT_FENERUM_TOKEN and
 * CONTRACT_FENERUM_ACCOUNT (an account code there, with at least one card and one recipient),
 * CONTRACT_FENERUM_URL (default Fenerum's API).
 */
type Target = { apiUrl: string; token: string; accountCode: string };

const env = process.env;
const real: Target | undefined =
  env.CONTRACT_FENERUM_TOKEN && env.CONTRACT_FENERUM_ACCOUNT
    ? { apiUrl: env.CONTRACT_FENERUM_URL || 'https://app.fenerum.com/api/v1', token: env.CONTRACT_FENERUM_TOKEN, accountCode: env.CONTRACT_FENERUM_ACCOUNT }
    : undefined;
const sandbox: Target = { apiUrl: `${sandboxUrls.fenerum}/api/v1`, token: sandboxSecrets.FENERUM_API_TOKEN, accountCode: 'CUST001' };

const client = (t: Target, token = t.token) =>
  createFenerumClient({ apiUrl: t.apiUrl, token, clientSystem: SANDBOX_FENERUM_CLIENT_SYSTEM, ratePerMinute: 30, maxRetries: 1 });

describeContract(
  'Fenerum',
  { sandbox, real, keys: ['CONTRACT_FENERUM_TOKEN', 'CONTRACT_FENERUM_ACCOUNT', 'CONTRACT_FENERUM_URL (optional)'] },
  ({ config: t }) => {
    describe('accounts and cards', () => {
      it('gets an account by its code', async () => {
        const account = await client(t).getAccount(t.accountCode);
        expect(account.code).toBe(t.accountCode);
        expect(account.uuid).not.toBe('');
      });

      it('filters the card list by account code itself: every card it returns is the account’s', async () => {
        const account = await client(t).getAccount(t.accountCode);
        // Raw, so our own filter (which drops other accounts' cards) cannot hide an ignored filter.
        const url = new URL(`${t.apiUrl.replace(/\/+$/, '')}/paymentcards/`);
        url.searchParams.set('account', t.accountCode);
        url.searchParams.set('page_size', '100');
        const res = await fetch(url, {
          headers: { Authorization: `Token ${t.token}`, 'X-Client-System': SANDBOX_FENERUM_CLIENT_SYSTEM, Accept: 'application/json' },
        });
        expect(res.status).toBe(200);
        const page = (await res.json()) as { count: number; results: Array<{ account: string }> };
        expect(page.results.every((c) => c.account === account.uuid)).toBe(true);
        const cards = await client(t).listPaymentCards({ code: account.code, uuid: account.uuid });
        expect(cards.length).toBe(page.count);
        expect(cards.every((c) => c.accountUuid === account.uuid)).toBe(true);
      });

      it('lists every account’s cards without a filter, each naming its account (how a payment on a Fenerum-made Stripe customer is attributed)', async () => {
        const account = await client(t).getAccount(t.accountCode);
        const own = await client(t).listPaymentCards({ code: account.code, uuid: account.uuid });
        const all = await client(t).listAllPaymentCards();
        expect(all.every((c) => c.accountUuid !== '' && /^\d{4}$/.test(c.last4) && c.expMonth >= 1 && c.expMonth <= 12)).toBe(true);
        const uuids = new Set(all.map((c) => c.uuid));
        expect(own.every((c) => uuids.has(c.uuid))).toBe(true);
      });

      it('answers 404 for an unknown account code', async () => {
        const err = await client(t)
          .getAccount(`NOPE-${contractRunId()}`)
          .catch((e: unknown) => e);
        expect(isFenerumError(err) && { status: err.status, isNotFound: err.isNotFound }).toEqual({ status: 404, isNotFound: true });
      });
    });

    describe('recipients (where the customer’s email addresses are; the list’s account filter is unconfirmed)', () => {
      /** The raw first page of recipients for the account, by code, or by uuid when Fenerum refuses the code (400). */
      async function rawRecipients(account: { code: string; uuid: string }) {
        const headers = { Authorization: `Token ${t.token}`, 'X-Client-System': SANDBOX_FENERUM_CLIENT_SYSTEM, Accept: 'application/json' };
        for (const value of [account.code, account.uuid]) {
          const url = new URL(`${t.apiUrl.replace(/\/+$/, '')}/recipients/`);
          url.searchParams.set('account', value);
          url.searchParams.set('page_size', '100');
          const res = await fetch(url, { headers });
          if (res.status === 400) continue;
          expect(res.status).toBe(200);
          return { by: value === account.code ? 'code' : 'uuid', page: (await res.json()) as { count: number; results: Array<Record<string, unknown>> } };
        }
        throw new Error('Fenerum refused ?account= by code and by uuid');
      }

      it('a recipient’s address is in `email`, with its receive_* flags as booleans', async () => {
        const account = await client(t).getAccount(t.accountCode);
        const { page } = await rawRecipients(account);
        expect(page.results.length).toBeGreaterThan(0);
        for (const r of page.results) {
          expect(typeof r.email === 'string' && r.email.includes('@')).toBe(true);
          for (const flag of ['receive_invoice', 'receive_payment_confirmation', 'receive_subscription_notifications']) expect(typeof r[flag]).toBe('boolean');
        }
      });

      it('listing recipients by account returns only that account’s (the filter is honoured), and the client reads the same ones', async () => {
        const account = await client(t).getAccount(t.accountCode);
        const { page } = await rawRecipients(account);
        // Raw, so our own check (which drops other accounts' recipients) cannot hide an ignored filter.
        const named = page.results.map((r) => String(r.account).toLowerCase());
        expect(named.every((a) => a === account.uuid.toLowerCase() || a === account.code.toLowerCase())).toBe(true);
        const recipients = await client(t).listRecipients(account);
        expect(recipients.length).toBe(page.count);
      });
    });

    describe('authentication', () => {
      it('answers 401 for a bad token', async () => {
        const err = await client(t, 'not-a-valid-token')
          .getAccount(t.accountCode)
          .catch((e: unknown) => e);
        expect(isFenerumError(err) && err.status).toBe(401);
      });
    });
  },
);
