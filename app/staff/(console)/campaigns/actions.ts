'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { isRefused } from '@/lib/domain/outcomes';
import { staffAction } from '@/lib/server/staff';
import { CAMPAIGN_KINDS, CAMPAIGN_WINDOW_DAYS, REMIND_MAX_DAYS } from '@/lib/staff/campaigns/rules';

/** A chosen account's checkbox is named `a:<code>` (a form can hold any number; the use case refuses one not on the list). */
const ACCOUNT_FIELD = 'a:';
const sendInput = z.looseObject({ campaign: z.enum(CAMPAIGN_KINDS) });
const remindInput = z.object({ campaign: z.enum(CAMPAIGN_KINDS), days: z.coerce.number().int().min(0).max(REMIND_MAX_DAYS) });

/** Operator: the campaign's email to the chosen accounts (those sent it within the window are skipped), queued after the answer. */
export const sendCampaignAction = staffAction('operator', sendInput, async (input, { user, ctx, ip }) => {
  const accountCodes = Object.keys(input)
    .filter((k) => k.startsWith(ACCOUNT_FIELD))
    .map((k) => k.slice(ACCOUNT_FIELD.length));
  const result = await ctx.campaigns.send({ campaign: input.campaign, accountCodes, actor: { email: user.email }, ip });
  if (isRefused(result)) return result;
  revalidatePath('/staff/campaigns');
  const t = await getTranslations('campaigns');
  const skipped = result.skipped > 0 ? ` ${t('skipped', { count: result.skipped, days: String(CAMPAIGN_WINDOW_DAYS) })}` : '';
  return { ok: true, message: `${t('sent', { count: result.queued })}${skipped}` };
});

/** Operator: one reminder to each account sent the campaign at least `days` ago that has added no card since. */
export const remindCampaignAction = staffAction('operator', remindInput, async (input, { user, ctx, ip }) => {
  const result = await ctx.campaigns.remind({ campaign: input.campaign, afterDays: input.days, actor: { email: user.email }, ip });
  if (isRefused(result)) return result;
  revalidatePath('/staff/campaigns');
  return { ok: true, message: (await getTranslations('campaigns'))('reminded', { count: result.reminded }) };
});

/** Operator: reads Fenerum's card list again in the background (bulk lane) and rebuilds both lists. */
export const refreshCampaignsAction = staffAction('operator', z.object({ what: z.literal('cards') }), async (_input, { ctx }) => {
  const result = await ctx.campaigns.refresh();
  if (isRefused(result)) return result;
  return { ok: true, message: (await getTranslations('campaigns'))('refreshStarted') };
});
