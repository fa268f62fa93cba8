import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { audit } from '@/lib/audit';
import { campaignCandidates, campaignSends, type CampaignKind } from '@/lib/db/schema';
import { isRefused, refused, type Refused } from '@/lib/domain/outcomes';
import { isFenerumError } from '@/lib/fenerum/errors';
import type { Actor } from '@/lib/fenerum/types';
import { log } from '@/lib/log';
import { queueCustomerEmail, type QueueMailDeps } from '@/lib/mail/queue';
import { blocksResend, dueReminder, SEND_MAX_ACCOUNTS, CAMPAIGN_WINDOW_DAYS } from './rules';
import { replacedSince } from './replaced';

export type CampaignDeps = QueueMailDeps & {
  /** Runs the outbox queueing after the staff member's answer (the app context's background runner). */
  later: (name: string, task: () => Promise<unknown>) => void;
  now?: () => number;
};

/** Any fixed number: the advisory-lock namespace of one account's sends of one campaign. */
const CAMPAIGN_LOCK_SPACE = 727_274_027;

const eventKeyOf = (sendId: string, reminder: boolean) => `campaign:${sendId}${reminder ? ':reminder' : ''}`;
const mailKindOf = (campaign: CampaignKind) => (campaign === 'legacy' ? 'campaign-legacy' : 'campaign-expiring') as 'campaign-legacy' | 'campaign-expiring';

export type SendCampaignInput = { campaign: CampaignKind; accountCodes: readonly string[]; actor: Actor; ip?: string | null };
export type SendCampaignResult = { queued: number; skipped: number };

/**
 * Sends one campaign's email to the chosen accounts, each of which must be on the campaign's
 * current list (else nothing is written and the first stranger is named). Per account, under a
 * lock: an earlier send of the same campaign within CAMPAIGN_WINDOW_DAYS skips it; otherwise a
 * pending send is recorded. Audited once (`campaign.sent`). The emails are queued into the outbox
 * after the answer (the account's mail recipients, its language, a fresh link each: Fenerum reads
 * in the bulk lane), and the outbox's worker sends them one by one.
 */
export async function sendCampaign(deps: CampaignDeps, input: SendCampaignInput): Promise<SendCampaignResult | Refused> {
  if (!deps.mailer.enabled) return refused('disabled', 'mailOff');
  const codes = [...new Set(input.accountCodes.map((c) => c.trim()).filter(Boolean))];
  if (codes.length === 0) return refused('invalid-input', 'campaignNoAccounts');
  if (codes.length > SEND_MAX_ACCOUNTS) return refused('invalid-input', 'campaignTooMany', { max: String(SEND_MAX_ACCOUNTS) });
  const listed = await deps.db
    .select()
    .from(campaignCandidates)
    .where(and(eq(campaignCandidates.campaign, input.campaign), inArray(campaignCandidates.accountCode, codes)));
  const byCode = new Map(listed.map((c) => [c.accountCode, c]));
  const stranger = codes.find((c) => !byCode.has(c));
  if (stranger !== undefined) return refused('invalid-input', 'campaignNotListed', { account: stranger });

  const now = new Date(deps.now?.() ?? Date.now());
  const result = await deps.db.transaction(async (tx) => {
    let queued = 0;
    const skipped: string[] = [];
    for (const code of codes) {
      const c = byCode.get(code);
      if (!c) continue;
      await tx.execute(sql`select pg_advisory_xact_lock(${CAMPAIGN_LOCK_SPACE}, hashtext(${`${input.campaign}\n${code}`}))`);
      const [earlier] = await tx
        .select({ createdAt: campaignSends.createdAt, status: campaignSends.status })
        .from(campaignSends)
        .where(and(eq(campaignSends.campaign, input.campaign), eq(campaignSends.accountCode, code)))
        .orderBy(desc(campaignSends.createdAt))
        .limit(1);
      if (earlier && blocksResend(earlier, now)) {
        skipped.push(code);
        continue;
      }
      await tx.insert(campaignSends).values({
        id: randomUUID(),
        campaign: input.campaign,
        accountCode: code,
        accountName: c.accountName,
        card: { brand: c.cardBrand, last4: c.cardLast4, expMonth: c.cardExpMonth, expYear: c.cardExpYear },
        sentBy: input.actor.email,
        createdAt: now,
      });
      queued += 1;
    }
    await audit(tx, {
      actor: input.actor.email,
      action: 'campaign.sent',
      subject: input.campaign,
      details: { campaign: input.campaign, accounts: codes.filter((c) => !skipped.includes(c)), skipped, windowDays: CAMPAIGN_WINDOW_DAYS },
      ip: input.ip,
    });
    return { queued, skipped: skipped.length };
  });
  if (result.queued > 0) deps.later(`campaign ${input.campaign}`, () => drainCampaignSends(deps));
  return result;
}

export type RemindInput = { campaign: CampaignKind; afterDays: number; actor: Actor; ip?: string | null };

/**
 * A reminder to every account sent this campaign at least `afterDays` ago that has registered no
 * card since and was not reminded yet (one reminder per send). Audited (`campaign.reminded`); the
 * emails are queued after the answer, as the first ones were.
 */
export async function remindCampaign(deps: CampaignDeps, input: RemindInput): Promise<{ reminded: number } | Refused> {
  if (!deps.mailer.enabled) return refused('disabled', 'mailOff');
  const now = new Date(deps.now?.() ?? Date.now());
  const sent = await deps.db
    .select()
    .from(campaignSends)
    .where(and(eq(campaignSends.campaign, input.campaign), eq(campaignSends.status, 'sent'), isNull(campaignSends.reminderStatus)));
  const replaced = await replacedSince(
    deps.db,
    sent.map((s) => ({ id: s.id, accountCode: s.accountCode, since: s.createdAt })),
  );
  const due = sent.filter((s) => dueReminder({ ...s, replaced: replaced.has(s.id) }, input.afterDays, now)).map((s) => s.id);
  await deps.db.transaction(async (tx) => {
    if (due.length > 0) {
      await tx
        .update(campaignSends)
        .set({ reminderStatus: 'pending', remindedBy: input.actor.email, remindedAt: now })
        .where(and(inArray(campaignSends.id, due), isNull(campaignSends.reminderStatus)));
    }
    await audit(tx, {
      actor: input.actor.email,
      action: 'campaign.reminded',
      subject: input.campaign,
      details: { campaign: input.campaign, afterDays: input.afterDays, sends: due },
      ip: input.ip,
    });
  });
  if (due.length > 0) deps.later(`campaign ${input.campaign} reminders`, () => drainCampaignSends(deps));
  return { reminded: due.length };
}

/** Sends waiting to be queued, oldest first: first emails, then reminders. */
async function nextWaiting(deps: CampaignDeps) {
  const [first] = await deps.db.select().from(campaignSends).where(eq(campaignSends.status, 'pending')).orderBy(asc(campaignSends.createdAt)).limit(1);
  if (first) return { send: first, reminder: false };
  const [again] = await deps.db.select().from(campaignSends).where(eq(campaignSends.reminderStatus, 'pending')).orderBy(asc(campaignSends.remindedAt)).limit(1);
  return again ? { send: again, reminder: true } : null;
}

let draining: Promise<void> | null = null;

/**
 * Queues every waiting campaign email into the outbox, one account at a time (Fenerum reads in the
 * bulk lane). Safe to run twice or on two instances: each recipient's message has the send's
 * event key, which the outbox never takes twice. One run per process; a call while one runs joins it.
 */
export function drainCampaignSends(deps: CampaignDeps): Promise<void> {
  draining ??= (async () => {
    try {
      for (let next = await nextWaiting(deps); next; next = await nextWaiting(deps)) await queueOneSend(deps, next.send, next.reminder);
    } finally {
      draining = null;
    }
  })();
  return draining;
}

type SendRow = typeof campaignSends.$inferSelect;

async function queueOneSend(deps: CampaignDeps, send: SendRow, reminder: boolean): Promise<void> {
  const mark = (patch: { status: SendRow['status']; recipients?: string[]; error?: string | null }) =>
    deps.db
      .update(campaignSends)
      .set(
        reminder
          ? { reminderStatus: patch.status, reminderRecipients: patch.recipients ?? [] }
          : { status: patch.status, recipients: patch.recipients ?? [], sentAt: patch.status === 'sent' ? new Date() : null, lastError: patch.error ?? null },
      )
      .where(eq(campaignSends.id, send.id));
  let result;
  try {
    result = await queueCustomerEmail(deps, {
      kind: mailKindOf(send.campaign),
      eventKey: eventKeyOf(send.id, reminder),
      accountCode: send.accountCode,
      card: send.card,
      reminder,
      issuedBy: reminder ? (send.remindedBy ?? send.sentBy) : send.sentBy,
    });
  } catch (err) {
    // Fenerum busy or down: left waiting; the next send, reminder or maintenance run drains again.
    if (isFenerumError(err) && !err.isNotFound) throw err;
    log.warn({ err: err instanceof Error ? err.message : String(err), send: send.id }, 'campaigns: an email could not be queued');
    await mark({ status: 'failed', error: err instanceof Error ? err.message.slice(0, 500) : 'failed' });
    return;
  }
  if (isRefused(result)) return void (await mark({ status: 'failed', error: result.key ?? result.reason }));
  if (result.status === 'no-recipient') return void (await mark({ status: 'no-recipient' }));
  if (result.status === 'mail-off') return void (await mark({ status: 'failed', error: 'mail off' }));
  await mark({ status: 'sent', recipients: result.messages.map((m) => m.to) });
}
