import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { rowsOf } from '@/lib/db/rows';
import type { CardSummary, PaymentCard } from '@/lib/domain/cards';
import { JUST_REGISTERED_MS } from './just-registered';

type PendingCard = CardSummary & { id: string };
export type ApprovalNotice = { paymentIntentId: string; amount: number; currency: string };
export type ExpiringNotice = { cardUuid: string; brand: string | null; last4: string | null };
/** A card this portal registered a moment ago, as Fenerum answered the registration (lib/cards/just-registered.ts). */
export type JustRegistered = Omit<PaymentCard, 'active' | 'accountUuid'>;
/** What the portal page reads from our database for one view (the account and its cards come from Fenerum). */
export type PortalView = { pending: PendingCard[]; approvals: ApprovalNotice[]; expiring: ExpiringNotice[]; justRegistered: JustRegistered[] };

type Row = {
  pending: Array<{ id: string; brand: string | null; last4: string | null; exp_month: number | null; exp_year: number | null }> | null;
  approvals: Array<{ payment_intent_id: string; amount: number; currency: string }> | null;
  expiring: Array<{ card_uuid: string; brand: string | null; last4: string | null }> | null;
  just_registered: Array<{
    uuid: string;
    gateway: PaymentCard['gateway'];
    brand: string | null;
    last4: string | null;
    exp_month: number | null;
    exp_year: number | null;
  }> | null;
};

/** Fenerum's "expires this month" is a calendar month in UTC: "2026-12". */
export const monthOf = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;

/**
 * Everything a portal view reads from the database, in ONE statement: whether the session's link
 * is still live (revoking it ends the session at once), the cards queued for Fenerum, the payments
 * waiting for the customer, and the cards Fenerum said expire this month (until a card is
 * registered after that notice). Null when the link is revoked, unknown or another account's: the
 * parts are read for the live link's row only, so then no row of the account is read at all.
 */
export async function readPortalView(db: Db, session: { linkId: string; accountCode: string }, now: Date): Promise<PortalView | null> {
  const account = session.accountCode;
  const result = await db.execute(sql`
    select
      (select json_agg(p order by p.created_at desc) from (
        select id, card_brand as brand, card_last4 as last4, card_exp_month as exp_month, card_exp_year as exp_year, created_at
        from registrations
        where account_code = l.account_code and status = 'queued'
        order by created_at desc limit 20
      ) p) as pending,
      (select json_agg(a order by a.created_at desc) from (
        select payment_intent_id, amount, currency, created_at
        from payment_approvals
        where account_code = l.account_code and status = 'pending'
        order by created_at desc limit 20
      ) a) as approvals,
      (select json_agg(e) from (
        select n.card_uuid, n.card_brand as brand, n.card_last4 as last4
        from expiring_card_notices n
        where n.account_code = l.account_code and n.month = ${monthOf(now)}
          and not exists (
            select 1 from registrations r
            where r.account_code = l.account_code and r.status = 'registered' and r.updated_at > n.created_at
          )
      ) e) as expiring,
      (select json_agg(j) from (
        select fenerum_card_uuid as uuid, gateway, card_brand as brand, card_last4 as last4, card_exp_month as exp_month, card_exp_year as exp_year
        from registrations
        where account_code = l.account_code and status = 'registered' and fenerum_card_uuid is not null
          and updated_at > ${new Date(now.getTime() - JUST_REGISTERED_MS)}
        order by updated_at desc limit 20
      ) j) as just_registered
    from issued_links l
    where l.id = ${session.linkId} and l.account_code = ${account} and l.revoked_at is null
  `);
  const [row] = rowsOf<Row>(result);
  if (!row) return null;
  return {
    // A registration without card details yet shows as "Card".
    pending: (row.pending ?? []).map((r) =>
      r.last4
        ? { id: r.id, brand: r.brand ?? 'Card', last4: r.last4, expMonth: r.exp_month ?? 0, expYear: r.exp_year ?? 0 }
        : { id: r.id, brand: 'Card', last4: '', expMonth: 0, expYear: 0 },
    ),
    approvals: (row.approvals ?? []).map((a) => ({ paymentIntentId: a.payment_intent_id, amount: a.amount, currency: a.currency })),
    expiring: (row.expiring ?? []).map((e) => ({ cardUuid: e.card_uuid, brand: e.brand, last4: e.last4 })),
    justRegistered: (row.just_registered ?? []).map((j) => ({
      uuid: j.uuid,
      gateway: j.gateway,
      brand: j.brand ?? 'Card',
      last4: j.last4 ?? '',
      expMonth: j.exp_month ?? 0,
      expYear: j.exp_year ?? 0,
    })),
  };
}
