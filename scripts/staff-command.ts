import { parseArgs } from 'node:util';
import { addStaff, resetPassword, resetSecondFactor, setDisabled, type Actor } from '@/lib/staff/users/admin';
import { findStaffByEmail, listStaff } from '@/lib/staff/users/users';
import { STAFF_ROLES, type StaffRole } from '../lib/auth/staff-roles';
import type { Db } from '../lib/db/connect';
import { isRefused } from '../lib/domain/outcomes';
import { answerFor } from '../lib/server/refusals';

export const USAGE = `Usage: npm run staff -- <command>
  add <email> --role <viewer|support|operator|admin> [--name "Full name"] [--prompt]
  disable <email>            (ends their sessions at once)
  enable <email>
  reset-password <email> [--prompt]   (ends their sessions)
  reset-second-factor <email>         (they enrol again at the next sign-in)
  list
A new password is made and printed once, unless --prompt asks you for one.`;

export type Io = { out: (line: string) => void; err: (line: string) => void; askPassword: () => Promise<string> };

/** One `npm run staff` command against `db`; returns the exit code. */
export async function runStaffCommand(db: Db, argv: string[], actor: Actor, io: Io): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: 'string' }, name: { type: 'string' }, prompt: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, email] = positionals;
  if (values.help || !command) return usage(io, values.help ? 0 : 2);
  if (command === 'list') {
    for (const u of await listStaff(db)) {
      const state = u.disabledAt ? 'disabled' : 'active';
      io.out(`${u.email}\t${u.role}\t${state}\t${u.totpEnrolledAt ? 'totp' : 'no-totp'}\t${u.name}`);
    }
    return 0;
  }
  if (!email) return usage(io, 2);
  const password = values.prompt ? await io.askPassword() : undefined;
  if (command === 'add') {
    const role = values.role as StaffRole | undefined;
    if (!role || !STAFF_ROLES.includes(role)) return fail(io, `--role must be one of ${STAFF_ROLES.join(', ')}`);
    const result = await addStaff(db, actor, { email, name: values.name ?? email.split('@')[0] ?? email, role, password });
    if (isRefused(result)) return fail(io, answerFor(result).message);
    io.out(`Added ${result.user.email} (${result.user.role}).`);
    if (!password) io.out(`Password (shown once): ${result.password}`);
    return 0;
  }
  const user = await findStaffByEmail(db, email);
  if (!user) return fail(io, `No staff user with the email ${email}`);
  if (command === 'disable' || command === 'enable') {
    const result = await setDisabled(db, actor, user.id, command === 'disable');
    if (isRefused(result)) return fail(io, answerFor(result).message);
    io.out(command === 'disable' ? `Disabled ${user.email}; their sessions ended.` : `Enabled ${user.email}.`);
    return 0;
  }
  if (command === 'reset-password') {
    const result = await resetPassword(db, actor, user.id, password);
    if (isRefused(result)) return fail(io, answerFor(result).message);
    io.out(`New password for ${user.email}; their sessions ended.`);
    if (!password) io.out(`Password (shown once): ${result.password}`);
    return 0;
  }
  if (command === 'reset-second-factor') {
    const result = await resetSecondFactor(db, actor, user.id);
    if (isRefused(result)) return fail(io, answerFor(result).message);
    io.out(`${user.email} enrols a second factor again at the next sign-in; their sessions ended.`);
    return 0;
  }
  return usage(io, 2);
}

function usage(io: Io, code: number): number {
  (code === 0 ? io.out : io.err)(USAGE);
  return code;
}

function fail(io: Io, message: string): number {
  io.err(message);
  return 1;
}
