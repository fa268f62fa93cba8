import { randomUUID } from 'node:crypto';
import { issueCustomerLink, revokeLink, type LinkDeps } from '@/lib/auth/links';
import type { PortalCache } from '@/lib/cards/portal';
import type { StaffSendKind } from '@/lib/db/schema';
import { isRefused, refused, type Refused } from '@/lib/domain/outcomes';
import type { Account } from '@/lib/domain/accounts';
import type { Actor, FenerumClient } from '@/lib/fenerum/types';
import { accountLocale } from '@/lib/mail/format';
import type { Mailer } from '@/lib/mail/mailer';
import { renderMail } from '@/lib/mail/render';
import { earlierSend, findStaffSend, queueStaffMail, type EarlierSend } from '@/lib/mail/staff-sends';
import type { MailCard } from '@/lib/mail/types';
import { loadRecipients } from './account-recipients';
import { findAccount, loadCard } from './load-account';
import { resendWindowStart, SENT_LINK_LIFETIME, sentLinkLanding } from './send-rules';
import { STAFF_READ } from './staff-reads';

export type SendByEmailDeps = LinkDeps & {
  fenerum: Pick<FenerumClient, 'getAccount' | 'listPaymentCards' | 'listRecipients' | 'initiateSelfService'>;
  portalCache: Pick<PortalCache, 'accounts' | 'cardLists' | 'recipients'>;
  mailer: Pick<Mailer, 'enabled' | 'kick' | 'merchant'>;
  now?: () => number;
};

export type SendByEmailInput = {
  accountCode: string;
  kind: StaffSendKind;
  /** The recipient's address, one of the account's recipients in Fenerum (never a typed address). */
  recipient: string;
  /** The form's one-time id: the same form posted again sends nothing more. */
  sendId: string;
  /** The staff member saw that the same went to the same recipient a moment ago, and sends again. */
  confirm: boolean;
  /** For "please add your card again": the card it is about (one of this account's). */
  cardUuid?: string;
  actor: Actor;
  ip?: string | null;
};

export type SendByEmailResult =
  /** Queued now; the mail worker sends it. */
  | { status: 'sent'; to: string; locale: string }
  /** This form was sent already: nothing new. */
  | { status: 'already-sent'; to: string }
  /** The same kind went to the same recipient within the window: nothing sent until the staff member confirms. */
  | { status: 'confirm'; to: string; earlier: EarlierSend };

const isSendId = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/**
 * Sends the customer, by email through the outbox, a portal link, Fenerum's Self-Service link or
 * "please add your card again", to one of the account's recipients the staff member chose, in the
 * account's language, naming the merchant. Audited (`mail.staff_sent`); the link it carries is
 * minted in the staff member's name, so its opening and a card added through it are traced back
 * to this send. The same kind to the same recipient within RESEND_WINDOW_MINUTES asks first.
 */
export async function sendByEmail(deps: SendByEmailDeps, input: SendByEmailInput): Promise<SendByEmailResult | Refused> {
  if (!deps.mailer.enabled) return refused('disabled', 'mailOff');
  if (!isSendId(input.sendId)) return refused('invalid-input', 'sendFormStale');
  if (input.cardUuid !== undefined && input.kind !== 'new-card') return refused('invalid-input', 'notACardId');
  const account = await findAccount(deps, input.accountCode);
  if (isRefused(account)) return account;
  let card: MailCard | null = null;
  if (input.cardUuid !== undefined) {
    const view = await loadCard(deps, account.code, input.cardUuid);
    if (isRefused(view)) return view;
    card = { brand: view.card.brand, last4: view.card.last4, expMonth: view.card.expMonth, expYear: view.card.expYear };
  }
  const recipients = await loadRecipients(deps, account);
  if (recipients.length === 0) return refused('invalid-input', 'noRecipient');
  const wanted = input.recipient.trim().toLowerCase();
  const recipient = recipients.find((r) => r.email.toLowerCase() === wanted);
  if (!recipient) return refused('invalid-input', 'sendRecipientNotHere');

  const done = await findStaffSend(deps.db, input.sendId);
  if (done) return { status: 'already-sent', to: done.recipient };
  const now = new Date(deps.now?.() ?? Date.now());
  const same = { accountCode: account.code, kind: input.kind, recipient: recipient.email, since: resendWindowStart(now) };
  if (!input.confirm) {
    const earlier = await earlierSend(deps.db, same);
    if (earlier) return { status: 'confirm', to: recipient.email, earlier };
  }

  const minted = await mintLink(deps, input, account, recipient.email);
  if (isRefused(minted)) return minted;
  const locale = accountLocale(account.language);
  const { merchant } = deps.mailer;
  const content = renderMail({ kind: input.kind, name: account.name, link: minted.url, linkExpiresAt: minted.expiresAt, card, merchant }, locale);
  const queued = await queueStaffMail(deps.db, {
    ...same,
    id: randomUUID(),
    sendId: input.sendId,
    locale,
    linkId: minted.linkId,
    sentBy: input.actor.email,
    content,
    confirmed: input.confirm,
    audit: {
      ip: input.ip,
      details: { recipient: recipient.id, recipientName: recipient.name, ...(card ? { cardUuid: input.cardUuid, brand: card.brand, last4: card.last4 } : {}) },
    },
  });
  if (queued.status !== 'queued') {
    // Another send of the same (a second tab, a double post) got there first: this link is never sent.
    if (minted.linkId) await revokeLink(deps.db, minted.linkId, 'system');
    return queued.status === 'confirm' ? { status: 'confirm', to: recipient.email, earlier: queued.earlier } : { status: 'already-sent', to: recipient.email };
  }
  deps.mailer.kick();
  return { status: 'sent', to: recipient.email, locale };
}

type Minted = { url: string; expiresAt: Date | null; linkId: string | null };

/** The link the email carries: a portal link in the staff member's name (traced: opened, card added), or Fenerum's Self-Service link for the recipient. */
async function mintLink(deps: SendByEmailDeps, input: SendByEmailInput, account: Account, to: string): Promise<Minted | Refused> {
  if (input.kind === 'self-service') {
    const { url } = await deps.fenerum.initiateSelfService(to, input.actor);
    return { url, expiresAt: null, linkId: null };
  }
  const link = await issueCustomerLink(deps, {
    accountCode: account.code,
    expiresIn: SENT_LINK_LIFETIME,
    issuedBy: input.actor.email,
    ip: input.ip,
    landing: sentLinkLanding(input.kind),
    lookup: STAFF_READ,
  });
  return isRefused(link) ? link : { url: link.url, expiresAt: link.expiresAt, linkId: link.id };
}
