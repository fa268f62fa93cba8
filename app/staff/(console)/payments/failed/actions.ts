'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { isRefused } from '@/lib/domain/outcomes';
import { markFailedPaymentHandled } from '@/lib/staff/payments/failed/mark-handled';
import { staffAction } from '@/lib/server/staff';

// Loose on purpose: the use case refuses an unknown key, an empty note or one too long with its sentence.
const handledInput = z.object({ key: z.string().max(300), note: z.string().max(5000, { message: 'At most 5000 characters.' }) });

/** A failed payment marked handled with a note (who and when from the session); support follows payments up. */
export const markHandledAction = staffAction('support', handledInput, async (input, { user, ctx, ip }) => {
  const result = await markFailedPaymentHandled({ db: ctx.db, farpay: ctx.farpay }, input, user.email, ip);
  if (isRefused(result)) return result;
  revalidatePath('/staff/payments/failed');
  revalidatePath('/staff');
  return { ok: true, message: (await getTranslations('farpay.failed'))('marked') };
});
