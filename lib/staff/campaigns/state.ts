import { and, asc, desc, eq, gt, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { campaignCandidates, campaignSends, mailOutbox, type CampaignKind } from '@/lib/db/schema';
import { readRefreshState, type RefreshState } from './refresh';
import { sendState, windowStart, type SendState } from './rules';
import { replacedSince } from './replaced';

/** The sends whose email (first or reminder) had its link opened by the customer. */
async function openedSends(db: Pick<Db, 'select'>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const keys = ids.flatMap((id) => [`campaign:${id}`, `campaign:${id}:reminder`]);
  const rows = await db
    .select({ eventKey: mailOutbox.eventKey })
    .from(mailOutbox)
    .where(and(inArray(mailOutbox.eventKey, keys), isNotNull(mailOutbox.openedAt)));
  return new Set(rows.map((r) => r.eventKey.split(':')[1] ?? ''));
}

/** One account's line on the page: the card it is about, and the newest send within the window with how far the customer got. */
export type CampaignLine = {
  accountCode: string;
  accountName: string;
  card: { brand: string; last4: string; expMonth: number; expYear: number };
  /** Still on the campaign's list as last refreshed (a send's account may have left it since). */
  listed: boolean;
  send: {
    id: string;
    state: SendState;
    createdAt: Date;
    sentAt: Date | null;
    sentBy: string;
    recipients: string[];
    reminder: { state: SendState; at: Date | null; by: string | null } | null;
  } | null;
};

export type CampaignView = {
  campaign: CampaignKind;
  lines: CampaignLine[];
  totals: { sent: number; opened: number; replaced: number; waiting: number };
};

/**
 * A campaign as the staff page shows it: every account on its list, and every account sent it
 * within the window that has left the list since (a customer who added a card is "replaced"),
 * with the newest send's state: queued, sent, opened, replaced.
 */
export async function loadCampaign(db: Db, campaign: CampaignKind, now: Date): Promise<CampaignView> {
  const listed = await db.select().from(campaignCandidates).where(eq(campaignCandidates.campaign, campaign)).orderBy(asc(campaignCandidates.accountCode));
  const sends = await db
    .select()
    .from(campaignSends)
    .where(and(eq(campaignSends.campaign, campaign), gt(campaignSends.createdAt, windowStart(now))))
    .orderBy(desc(campaignSends.createdAt));
  const newest = new Map<string, (typeof sends)[number]>();
  for (const s of sends) if (!newest.has(s.accountCode)) newest.set(s.accountCode, s);
  const ids = [...newest.values()].map((s) => s.id);
  const [opened, replaced] = await Promise.all([
    openedSends(db, ids),
    replacedSince(
      db,
      [...newest.values()].map((s) => ({ id: s.id, accountCode: s.accountCode, since: s.createdAt })),
    ),
  ]);
  const lineOf = (code: string, name: string, card: CampaignLine['card'], onList: boolean): CampaignLine => {
    const s = newest.get(code);
    if (!s) return { accountCode: code, accountName: name, card, listed: onList, send: null };
    const state = sendState({ status: s.status, opened: opened.has(s.id), replaced: replaced.has(s.id) });
    const reminder = s.reminderStatus
      ? { state: sendState({ status: s.reminderStatus, opened: false, replaced: false }), at: s.remindedAt, by: s.remindedBy }
      : null;
    return {
      accountCode: code,
      accountName: name,
      card,
      listed: onList,
      send: { id: s.id, state, createdAt: s.createdAt, sentAt: s.sentAt, sentBy: s.sentBy, recipients: s.recipients, reminder },
    };
  };
  const lines = listed.map((c) =>
    lineOf(c.accountCode, c.accountName, { brand: c.cardBrand, last4: c.cardLast4, expMonth: c.cardExpMonth, expYear: c.cardExpYear }, true),
  );
  const onList = new Set(listed.map((c) => c.accountCode));
  for (const s of newest.values()) if (!onList.has(s.accountCode)) lines.push(lineOf(s.accountCode, s.accountName, s.card, false));
  const states = lines.flatMap((l) => (l.send ? [l.send.state] : []));
  const totals = {
    sent: states.filter((s) => s === 'sent' || s === 'opened' || s === 'replaced').length,
    opened: states.filter((s) => s === 'opened').length + [...newest.values()].filter((s) => replaced.has(s.id) && opened.has(s.id)).length,
    replaced: states.filter((s) => s === 'replaced').length,
    waiting: states.filter((s) => s === 'sent' || s === 'opened').length,
  };
  return { campaign, lines, totals };
}

export type CampaignsPage = { refresh: RefreshState | null; campaigns: CampaignView[] };

export async function loadCampaignsPage(db: Db, now: Date): Promise<CampaignsPage> {
  const [refresh, legacy, expiring] = await Promise.all([readRefreshState(db), loadCampaign(db, 'legacy', now), loadCampaign(db, 'expiring', now)]);
  return { refresh, campaigns: [legacy, expiring] };
}
