import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { parseBody, sendJson } from '../http';
import type { Router } from '../router';
import type { CardRecord, FenerumState } from './state';

const input = z.strictObject({
  count: z.number().int().min(1).max(1000),
  firstLast4: z.number().int().min(0).max(9999).optional(),
  /** `stripe`: legacy cards (card_… tokens, pre-SCA; PROVIDERS.md), as a merchant from before Stripe's PaymentMethods holds them. */
  gateway: z.enum(['stripe_new', 'stripe']).optional(),
  /** Every card's expiry (default: spread over the coming years). */
  expMonth: z.number().int().min(1).max(12).optional(),
  expYear: z.number().int().min(2000).max(2100).optional(),
});

const BRANDS = ['Visa', 'Mastercard', 'Visa'] as const;

/**
 * POST /__sandbox/accounts/:code/cards {count, firstLast4?, gateway?, expMonth?, expYear?}: `count` more cards on an account at once, as an
 * account that has collected cards for years would hold (a list that must page). Each is active,
 * `stripe_new` (or legacy `stripe` when asked), with its own last four (firstLast4, default 0000, then one up for each) and an
 * expiry spread over the coming years (or the one asked for); made oldest first, a second apart. Answers how many the account now has.
 */
export function registerBulkCards(router: Router, { state, now }: { state: FenerumState; now: () => Date }): void {
  router.post('/__sandbox/accounts/:code/cards', (ctx) => {
    const parsed = input.safeParse(parseBody(ctx) ?? null);
    if (!parsed.success)
      return sendJson(ctx.res, 400, { detail: 'Send {count (1 to 1000), firstLast4? (0 to 9999), gateway? (stripe_new or stripe), expMonth?, expYear?}.' });
    const key = ctx.params.code ?? '';
    const account = state.accounts.find((a) => a.code === key || a.uuid === key.toLowerCase());
    if (!account) return sendJson(ctx.res, 404, { detail: `No account ${key}.` });
    const at = now().getTime();
    const year = now().getUTCFullYear();
    const legacy = parsed.data.gateway === 'stripe';
    for (let i = 0; i < parsed.data.count; i++) {
      const card: CardRecord = {
        uuid: randomUUID(),
        account: account.uuid,
        active: true,
        brand: BRANDS[i % BRANDS.length] ?? 'Visa',
        last4: String(((parsed.data.firstLast4 ?? 0) + i) % 10_000).padStart(4, '0'),
        month: parsed.data.expMonth ?? (i % 12) + 1,
        year: parsed.data.expYear ?? year + 1 + (i % 6),
        payment_gateway: legacy ? 'stripe' : 'stripe_new',
        token: `${legacy ? 'card' : 'pm'}_sandbox_bulk_${randomUUID().replaceAll('-', '')}`,
        created_date: new Date(at - (parsed.data.count - i) * 1000).toISOString(),
        createdBy: null,
        createdByClientSystem: 'sandbox',
        disabledBy: null,
        disabledAt: null,
      };
      state.cards.push(card);
    }
    sendJson(ctx.res, 201, { account: account.code, count: state.cards.filter((c) => c.account === account.uuid).length });
  });
}
