'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { isRefused } from '@/lib/domain/outcomes';
import { cardName } from '@/app/card-line';
import { staffAction } from '@/lib/server/staff';
import { issueLinkForAccount, revokeAccountLink } from '@/lib/staff/accounts/customer-links';
import { disableCard } from '@/lib/staff/accounts/disable-card';
import { createSelfServiceLink } from '@/lib/staff/accounts/self-service';
import { sendByEmail } from '@/lib/staff/accounts/send-by-email';
import { retryRegistration } from '@/lib/staff/registrations/retry-registration';
import { disableCardInput, issueLinkInput, retryRegistrationInput, revokeLinkInput, selfServiceInput, sendByEmailInput } from './action-inputs';

/** The account's pages show what an action changed at once. */
function refreshAccount(code: string, cardUuid?: string) {
  const base = `/staff/accounts/${encodeURIComponent(code)}`;
  revalidatePath(base);
  if (cardUuid) revalidatePath(`${base}/cards/${encodeURIComponent(cardUuid)}`);
}

/** Operator: Fenerum stops charging the card (it stays at the gateway); X-User and the audit log name the operator. */
export const disableCardAction = staffAction('operator', disableCardInput, async (input, { user, ctx, ip }) => {
  const result = await disableCard(ctx, { ...input, actor: { email: user.email }, ip });
  if (isRefused(result)) return result;
  refreshAccount(input.accountCode, input.cardUuid);
  const [t, tr] = await Promise.all([getTranslations('staffAccounts'), getTranslations()]);
  return { ok: true, message: t(result.changed ? 'disabledDone' : 'disabledAlready', { card: cardName(tr, result.card) }) };
});

/** Support: a customer link to this account's portal; its address is the message (shown once, copied). */
export const issueLinkAction = staffAction('support', issueLinkInput, async (input, { user, ctx, ip }) => {
  const issued = await issueLinkForAccount(ctx, { ...input, actor: { email: user.email }, ip });
  if (isRefused(issued)) return issued;
  refreshAccount(input.accountCode);
  return { ok: true, message: issued.url };
});

/** Support: revokes one of this account's links. */
export const revokeLinkAction = staffAction('support', revokeLinkInput, async (input, { user, ctx, ip }) => {
  const result = await revokeAccountLink(ctx.db, { ...input, actor: { email: user.email }, ip });
  if (isRefused(result)) return result;
  refreshAccount(input.accountCode);
  const t = await getTranslations('staffAccounts');
  return { ok: true, message: t(result.revoked ? 'revoked' : 'alreadyRevoked') };
});

/** Support: Fenerum's Self-Service link for one of the account's recipients; its address is the message. */
export const selfServiceAction = staffAction('support', selfServiceInput, async (input, { user, ctx, ip }) => {
  const made = await createSelfServiceLink(ctx, { ...input, actor: { email: user.email }, ip });
  if (isRefused(made)) return made;
  refreshAccount(input.accountCode);
  return { ok: true, message: made.url };
});

/**
 * Support: a customer link, a Self-Service link or "please add your card again", by email to one
 * of the account's recipients. The same kind to the same recipient a moment ago is not sent until
 * the form comes back with `confirm` (the answer's `confirm` field asks); the same form twice sends once.
 */
export const sendByEmailAction = staffAction('support', sendByEmailInput, async (input, { user, ctx, ip }) => {
  const { card, confirm, ...rest } = input;
  const result = await sendByEmail(ctx, { ...rest, cardUuid: card, confirm: confirm === '1', actor: { email: user.email }, ip });
  if (isRefused(result)) return result;
  const t = await getTranslations('staffAccounts.send');
  const what = t(`kinds.${input.kind}`);
  if (result.status === 'confirm') {
    const minutes = Math.max(1, Math.round((Date.now() - result.earlier.at.getTime()) / 60_000));
    const ask = t('confirmAsk', { what, to: result.to, by: result.earlier.by, minutes });
    return { ok: false, error: ask, fields: { confirm: ask } };
  }
  refreshAccount(input.accountCode);
  return { ok: true, message: t(result.status === 'sent' ? 'sent' : 'alreadySent', { what, to: result.to }) };
});

/** Operator: sends a failed or waiting card registration to Fenerum again, now. */
export const retryRegistrationAction = staffAction('operator', retryRegistrationInput, async (input, { user, ctx, ip }) => {
  const result = await retryRegistration(ctx, { ...input, actor: { email: user.email }, ip });
  if (isRefused(result)) return result;
  refreshAccount(input.accountCode);
  const t = await getTranslations('staffAccounts');
  if (result.status === 'registered') return { ok: true, message: t('retryRegistered') };
  if (result.status === 'pending') return { ok: true, message: t('retryPending') };
  return { ok: false, error: t('retryFailed', { error: result.lastError ?? '' }) };
});
