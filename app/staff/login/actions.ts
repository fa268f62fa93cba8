'use server';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { endSession } from '@/lib/auth/staff/sessions';
import { passSecondFactor } from '@/lib/auth/staff/second-factor';
import { signInWithPassword } from '@/lib/auth/staff/sign-in';
import { isRefused } from '@/lib/domain/outcomes';
import { isStorableText } from '@/lib/domain/storable';
import { appContext } from '@/lib/server/context';
import { publicAction, type PublicActionState } from '@/lib/server/public-action';
import { clearStaffCookie, readStaffToken, requestClient, setStaffCookie, staffAuthConfig } from '@/lib/server/staff-session';
import { refusalText } from './refusal-text';

export type StepState = { error: string } | null;

// Held to the one rule for text (lib/domain/storable.ts): the email is written to the attempts table before it is checked.
const passwordForm = z.object({ email: z.string().trim().min(3).max(254).refine(isStorableText), password: z.string().min(1).max(1024) });
const codeForm = z.object({ code: z.string().trim().min(6).max(40).refine(isStorableText) });
/** A field of the form, or undefined when a hand-made call passed something else than a form. */
const field = (form: unknown, name: string) => (form instanceof FormData ? form.get(name) : undefined);

/** Email and password; the session cookie is set (a new id) and the browser goes on to the next step. */
export const signIn = publicAction(async (_prev: StepState, form: FormData): Promise<StepState> => {
  const parsed = passwordForm.safeParse({ email: field(form, 'email'), password: field(form, 'password') });
  if (!parsed.success) return { error: (await getTranslations('staffAuth.refused'))('invalid') };
  const ctx = await appContext();
  const client = await requestClient(ctx);
  const result = await signInWithPassword({ db: ctx.db, config: staffAuthConfig(ctx) }, { ...parsed.data, ...client, replacing: await readStaffToken(ctx) });
  if (isRefused(result)) return { error: await refusalText(result) };
  await setStaffCookie(ctx, result);
  redirect(result.next === 'console' ? '/staff' : result.next === 'enrol' ? '/staff/enrol' : '/staff/login');
});

/** The TOTP code (or a recovery code) after the password: the session starts for real under a new id. */
export const submitCode = publicAction(async (_prev: StepState, form: FormData): Promise<StepState> => {
  const parsed = codeForm.safeParse({ code: field(form, 'code') });
  if (!parsed.success) return { error: (await getTranslations('staffAuth.refused'))('wrongCode') };
  const ctx = await appContext();
  const client = await requestClient(ctx);
  const result = await passSecondFactor({ db: ctx.db, config: staffAuthConfig(ctx) }, { token: await readStaffToken(ctx), code: parsed.data.code, ...client });
  if (isRefused(result)) return { error: await refusalText(result) };
  await setStaffCookie(ctx, result);
  redirect('/staff');
});

/** Sign-out (also "sign in as someone else" from the TOTP step): the session ends in the database, the cookie goes. */
export const signOut = publicAction(async (_prev: PublicActionState): Promise<PublicActionState> => {
  const ctx = await appContext();
  const token = await readStaffToken(ctx);
  if (token) await endSession(ctx.db, token);
  await clearStaffCookie(ctx);
  redirect('/staff/login');
});
