import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { audit } from '@/lib/audit';
import type { StaffRole } from '@/lib/auth/staff-roles';
import type { Db } from '@/lib/db/connect';
import { staffRecoveryCodes, staffUsers } from '@/lib/db/schema';
import { refused, type Refused } from '@/lib/domain/outcomes';
import { hashPassword, passwordProblem } from '@/lib/auth/staff/password';
import { endSessionsOf } from '@/lib/auth/staff/sessions';
import { findStaffById, insertStaffUser, normalizeEmail, type StaffUserRow } from './users';

/** Who asks (an admin in the console, or `npm run staff` on the server) and from where: every change is audited. */
export type Actor = { email: string; id?: string; ip: string | null };

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
/** A generated password: 16 characters of 31 (about 79 bits), in groups of four. Shown once; the person may keep it in a password manager. */
function generatePassword(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return chars.match(/.{4}/g)?.join('-') ?? chars;
}

const notFound = () => refused('not-found', 'noSuchStaffUser');
const notYourself = () => refused('forbidden', 'notYourself');

/** Adds a staff user with a password made for them (returned once) or one given (the command line's prompt). */
export async function addStaff(
  db: Db,
  actor: Actor,
  input: { email: string; name: string; role: StaffRole; password?: string },
): Promise<{ user: StaffUserRow; password: string } | Refused> {
  const password = input.password ?? generatePassword();
  const problem = passwordProblem(password);
  if (problem) return passwordRefused(problem);
  const user = await insertStaffUser(db, { email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(password) });
  if (!user) return refused('invalid-input', 'staffUserExists', { email: normalizeEmail(input.email) });
  await audit(db, { actor: actor.email, action: 'staff.add', subject: user.email, details: { role: user.role, name: user.name }, ip: actor.ip });
  return { user, password };
}

function passwordRefused(problem: NonNullable<ReturnType<typeof passwordProblem>>): Refused {
  if (problem === 'too-short') return refused('invalid-input', 'passwordTooShort');
  if (problem === 'too-long') return refused('invalid-input', 'passwordTooLong');
  return refused('invalid-input', 'passwordTooCommon');
}

async function target(db: Db, actor: Actor, userId: string, allowSelf: boolean): Promise<StaffUserRow | Refused> {
  const user = await findStaffById(db, userId);
  if (!user) return notFound();
  if (!allowSelf && (user.id === actor.id || user.email === normalizeEmail(actor.email))) return notYourself();
  return user;
}

export async function changeRole(db: Db, actor: Actor, userId: string, role: StaffRole): Promise<StaffUserRow | Refused> {
  const user = await target(db, actor, userId, false);
  if ('kind' in user) return user;
  // A session that passed no second factor must not carry a new role that needs one: sign in again.
  await db.update(staffUsers).set({ role, updatedAt: new Date() }).where(eq(staffUsers.id, user.id));
  await endSessionsOf(db, user.id);
  await audit(db, { actor: actor.email, action: 'staff.role', subject: user.email, details: { from: user.role, to: role }, ip: actor.ip });
  return { ...user, role };
}

/** Disables (or enables again) a user; disabling ends their sessions at once. */
export async function setDisabled(db: Db, actor: Actor, userId: string, disabled: boolean): Promise<StaffUserRow | Refused> {
  const user = await target(db, actor, userId, false);
  if ('kind' in user) return user;
  const disabledAt = disabled ? (user.disabledAt ?? new Date()) : null;
  await db.update(staffUsers).set({ disabledAt, updatedAt: new Date() }).where(eq(staffUsers.id, user.id));
  if (disabled) await endSessionsOf(db, user.id);
  await audit(db, { actor: actor.email, action: disabled ? 'staff.disable' : 'staff.enable', subject: user.email, ip: actor.ip });
  return { ...user, disabledAt };
}

/** A new password (made here and returned once, or given), and every session of the user ends. */
export async function resetPassword(db: Db, actor: Actor, userId: string, given?: string): Promise<{ user: StaffUserRow; password: string } | Refused> {
  const user = await target(db, actor, userId, false);
  if ('kind' in user) return user;
  const password = given ?? generatePassword();
  const problem = passwordProblem(password);
  if (problem) return passwordRefused(problem);
  await db
    .update(staffUsers)
    .set({ passwordHash: await hashPassword(password), updatedAt: new Date() })
    .where(eq(staffUsers.id, user.id));
  await endSessionsOf(db, user.id);
  await audit(db, { actor: actor.email, action: 'staff.reset_password', subject: user.email, ip: actor.ip });
  return { user, password };
}

/** Forgets the TOTP secret and the recovery codes: the user enrols again at the next sign-in. Their sessions end. */
export async function resetSecondFactor(db: Db, actor: Actor, userId: string): Promise<StaffUserRow | Refused> {
  const user = await target(db, actor, userId, false);
  if ('kind' in user) return user;
  await db.update(staffUsers).set({ totpSecret: null, totpEnrolledAt: null, totpLastStep: null, updatedAt: new Date() }).where(eq(staffUsers.id, user.id));
  await db.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, user.id));
  await endSessionsOf(db, user.id);
  await audit(db, { actor: actor.email, action: 'staff.reset_second_factor', subject: user.email, ip: actor.ip });
  return { ...user, totpSecret: null, totpEnrolledAt: null };
}
