'use server';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { addStaff, changeRole, resetPassword, resetSecondFactor, setDisabled, type Actor } from '@/lib/staff/users/admin';
import { STAFF_ROLES } from '@/lib/auth/staff-roles';
import { isRefused, type Refused } from '@/lib/domain/outcomes';
import { staffAction, type ActionState, type StaffCall } from '@/lib/server/staff';

const userId = z.uuid();
const actorOf = ({ user, ip }: StaffCall): Actor => ({ email: user.email, id: user.id, ip });

/** A refusal of the staff-user use cases as a sentence in the admin's language. */
async function refusedText(r: Refused): Promise<ActionState> {
  const t = await getTranslations('staffUsersPage.refused');
  if (r.reason === 'not-found') return { ok: false, error: t('notFound') };
  if (r.reason === 'forbidden') return { ok: false, error: t('notYourself') };
  if (r.key === 'staffUserExists') return { ok: false, error: t('exists') };
  return { ok: false, error: t('invalid') };
}

async function done(message: string): Promise<ActionState> {
  revalidatePath('/staff/users');
  return { ok: true, message };
}

export const addUser = staffAction(
  'admin',
  z.object({ email: z.email().max(254), name: z.string().trim().min(1).max(100), role: z.enum(STAFF_ROLES) }),
  async (input, call) => {
    const result = await addStaff(call.ctx.db, actorOf(call), input);
    if (isRefused(result)) return refusedText(result);
    const t = await getTranslations('staffUsersPage');
    return done(t('added', { email: result.user.email, password: result.password }));
  },
);

export const changeUserRole = staffAction('admin', z.object({ userId, role: z.enum(STAFF_ROLES) }), async (input, call) => {
  const result = await changeRole(call.ctx.db, actorOf(call), input.userId, input.role);
  if (isRefused(result)) return refusedText(result);
  const t = await getTranslations('staffConsole.roles');
  return done((await getTranslations('staffUsersPage'))('roleChanged', { email: result.email, role: t(input.role) }));
});

export const disableUser = staffAction('admin', z.object({ userId }), async (input, call) => {
  const result = await setDisabled(call.ctx.db, actorOf(call), input.userId, true);
  if (isRefused(result)) return refusedText(result);
  return done((await getTranslations('staffUsersPage'))('disabledDone', { email: result.email }));
});

export const enableUser = staffAction('admin', z.object({ userId }), async (input, call) => {
  const result = await setDisabled(call.ctx.db, actorOf(call), input.userId, false);
  if (isRefused(result)) return refusedText(result);
  return done((await getTranslations('staffUsersPage'))('enabledDone', { email: result.email }));
});

export const resetUserPassword = staffAction('admin', z.object({ userId }), async (input, call) => {
  const result = await resetPassword(call.ctx.db, actorOf(call), input.userId);
  if (isRefused(result)) return refusedText(result);
  return done((await getTranslations('staffUsersPage'))('passwordDone', { email: result.user.email, password: result.password }));
});

export const resetUserSecondFactor = staffAction('admin', z.object({ userId }), async (input, call) => {
  const result = await resetSecondFactor(call.ctx.db, actorOf(call), input.userId);
  if (isRefused(result)) return refusedText(result);
  return done((await getTranslations('staffUsersPage'))('secondFactorDone', { email: result.email }));
});
