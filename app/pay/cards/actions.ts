'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { removeCard } from '@/lib/cards/remove-card';
import { isRefused } from '@/lib/domain/outcomes';
import { customerPage } from '@/lib/server/customer-page';
import { publicAction, type PublicActionState } from '@/lib/server/public-action';
import { refusalSentence } from '@/lib/server/refusals';
import { requestClient } from '@/lib/server/staff-session';

/**
 * The customer removes one of their cards (the confirmation page's form; works without
 * JavaScript). The account is the session's alone: a card of another account is refused as
 * unknown, the last active card is refused, and nothing is written either way.
 */
export const removeCardAction = publicAction(async (_prev: PublicActionState, form: FormData): Promise<PublicActionState> => {
  const [{ ctx, session }, t] = await Promise.all([customerPage(), getTranslations('refusals')]);
  if (!session) return { error: t('session-ended') };
  const input = form instanceof FormData ? Object.fromEntries([...form.entries()].filter(([k]) => !k.startsWith('$'))) : null;
  const removed = await removeCard(ctx, session, input, (await requestClient(ctx)).ip);
  if (isRefused(removed)) return { error: refusalSentence(removed, t as Parameters<typeof refusalSentence>[1]) };
  revalidatePath('/pay');
  redirect(`/pay?removed=${encodeURIComponent(removed.card.uuid)}#cards`);
});
