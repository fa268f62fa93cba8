import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { parseBody, sendJson } from '../http';
import type { Router } from '../router';
import type { AccountRecord, FenerumState } from './state';

const generateInput = z.strictObject({
  count: z.number().int().min(1).max(20_000),
  prefix: z
    .string()
    .regex(/^[A-Z0-9-]{1,12}$/)
    .optional(),
});
const changeInput = z.strictObject({ name: z.string().min(1).max(200) });

const NAMES = ['Nordlys', 'Havblik', 'Fjordkraft', 'Bøgeskov', 'Skærgård', 'Älvdal', 'Lynge', 'Vesterhav'] as const;
const KINDS = ['ApS', 'A/S', 'IVS', 'AB'] as const;

/**
 * The sandbox's controls for a merchant of size and for accounts that change (not Fenerum's API;
 * Fenerum's accounts are made and edited in its UI):
 * - POST /__sandbox/accounts/generate {count (1 to 20 000), prefix?}: `count` accounts at once,
 *   codes `<prefix>-000001` on (prefix default `G` and random hex), each with one recipient at
 *   `<code>@generated.example` taking invoices and payment confirmations. Answers the prefix and
 *   the first and last code.
 * - POST /__sandbox/accounts/:code/change {name}: a new company name, and a new last_modified_date.
 * - POST /__sandbox/accounts/:code/delete: the account gone (its cards and recipients with it).
 */
export function registerAccountGenerator(router: Router, { state, now }: { state: FenerumState; now: () => Date }): void {
  router.post('/__sandbox/accounts/generate', (ctx) => {
    const parsed = generateInput.safeParse(parseBody(ctx) ?? null);
    if (!parsed.success) return sendJson(ctx.res, 400, { detail: 'Send {count (1 to 20000), prefix? (A-Z, 0-9, -)}.' });
    const prefix = parsed.data.prefix ?? `G${randomBytes(3).toString('hex').toUpperCase()}`;
    const taken = new Set(state.accounts.map((a) => a.code));
    const at = now().toISOString();
    const codes: string[] = [];
    for (let i = 1; i <= parsed.data.count; i++) {
      const code = `${prefix}-${String(i).padStart(6, '0')}`;
      if (taken.has(code)) return sendJson(ctx.res, 409, { detail: `Account ${code} exists; use another prefix.` });
      codes.push(code);
    }
    codes.forEach((code, i) => {
      const account: AccountRecord = {
        uuid: randomUUID(),
        code,
        company_name: `${NAMES[i % NAMES.length]} ${code} ${KINDS[i % KINDS.length]}`,
        legal_address: 'Testvej 1',
        legal_zipcode: '1000',
        legal_city: 'København K',
        legal_country: 'DK',
        billing_email: `${code.toLowerCase()}@generated.example`,
        currency: 'DKK',
        language: 'da',
        created_date: at,
        last_modified_date: at,
      };
      state.accounts.push(account);
      state.recipients.push({
        uuid: randomUUID(),
        account: account.uuid,
        name: 'Bogholderi',
        email: account.billing_email,
        receive_invoice: true,
        receive_payment_confirmation: true,
        receive_subscription_notifications: false,
        created_date: at,
      });
    });
    sendJson(ctx.res, 201, { prefix, count: codes.length, first: codes[0], last: codes.at(-1), total: state.accounts.length });
  });

  router.post('/__sandbox/accounts/:code/change', (ctx) => {
    const parsed = changeInput.safeParse(parseBody(ctx) ?? null);
    if (!parsed.success) return sendJson(ctx.res, 400, { detail: 'Send {name}.' });
    const account = state.accounts.find((a) => a.code === ctx.params.code);
    if (!account) return sendJson(ctx.res, 404, { detail: `No account ${ctx.params.code ?? ''}.` });
    account.company_name = parsed.data.name;
    account.last_modified_date = now().toISOString();
    sendJson(ctx.res, 200, { code: account.code, company_name: account.company_name });
  });

  router.post('/__sandbox/accounts/:code/delete', (ctx) => {
    const account = state.accounts.find((a) => a.code === ctx.params.code);
    if (!account) return sendJson(ctx.res, 404, { detail: `No account ${ctx.params.code ?? ''}.` });
    state.accounts = state.accounts.filter((a) => a !== account);
    state.cards = state.cards.filter((c) => c.account !== account.uuid);
    state.recipients = state.recipients.filter((r) => r.account !== account.uuid);
    sendJson(ctx.res, 200, { deleted: account.code });
  });
}
