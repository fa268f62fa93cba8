'use server';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { confirmEnrolment } from '@/lib/auth/staff/enrolment';
import { isRefused } from '@/lib/domain/outcomes';
import { appContext } from '@/lib/server/context';
import { publicAction } from '@/lib/server/public-action';
import { readStaffToken, requestClient, setStaffCookie, staffAuthConfig } from '@/lib/server/staff-session';
import { refusalText } from '../login/refusal-text';

export type EnrolState = { error: string } | { recoveryCodes: string[] } | null;

const codeForm = z.object({ code: z.string().trim().min(6).max(12) });

/** The first code from the new authenticator app: enrolled, the session starts for real, the recovery codes come back once. */
export const confirmCode = publicAction(async (_prev: EnrolState, form: FormData): Promise<EnrolState> => {
  const parsed = codeForm.safeParse({ code: form instanceof FormData ? form.get('code') : undefined });
  if (!parsed.success) return { error: (await getTranslations('staffAuth.refused'))('wrongCode') };
  const ctx = await appContext();
  const client = await requestClient(ctx);
  const result = await confirmEnrolment({ db: ctx.db, config: staffAuthConfig(ctx) }, { token: await readStaffToken(ctx), code: parsed.data.code, ...client });
  if (isRefused(result)) return { error: await refusalText(result) };
  await setStaffCookie(ctx, result);
  return { recoveryCodes: result.recoveryCodes };
});
