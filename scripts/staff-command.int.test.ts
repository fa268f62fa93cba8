import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findStaffByEmail } from '@/lib/staff/users/users';
import { appContext } from '@/lib/server/context';
import { runStaffCommand } from './staff-command';

async function run(argv: string[], typed = '') {
  const { db } = await appContext();
  const out: string[] = [];
  const err: string[] = [];
  const code = await runStaffCommand(
    db,
    argv,
    { email: 'cli:test', ip: null },
    { out: (l) => out.push(l), err: (l) => err.push(l), askPassword: async () => typed },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run staff', () => {
  it('adds a user with a password printed once, lists, disables, resets the password', async () => {
    const email = `cli-${randomUUID()}@staff.test`;
    const added = await run(['add', email.toUpperCase(), '--role', 'support', '--name', 'Cli Person']);
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/Password \(shown once\): [a-z2-9]{4}(-[a-z2-9]{4}){3}/);
    expect((await run(['list'])).out).toContain(`${email}\tsupport\tactive\tno-totp\tCli Person`);
    expect((await run(['disable', email])).code).toBe(0);
    expect((await findStaffByEmail((await appContext()).db, email))?.disabledAt).not.toBeNull();
    const reset = await run(['reset-password', email, '--prompt'], 'a-brand-new-long-password');
    expect(reset.code).toBe(0);
    expect(reset.out).not.toContain('shown once');
  });

  it('refuses a second user with the same email, an unknown role, a weak typed password, an unknown user', async () => {
    const email = `cli-${randomUUID()}@staff.test`;
    expect((await run(['add', email, '--role', 'viewer'])).code).toBe(0);
    expect(await run(['add', email, '--role', 'viewer'])).toMatchObject({ code: 1, err: expect.stringContaining('exists already') as string });
    expect(await run(['add', `x-${email}`, '--role', 'boss'])).toMatchObject({ code: 1, err: expect.stringContaining('--role') as string });
    expect(await run(['add', `y-${email}`, '--role', 'viewer', '--prompt'], 'password1234')).toMatchObject({
      code: 1,
      err: expect.stringContaining('too common') as string,
    });
    expect(await run(['disable', `nobody-${email}`])).toMatchObject({ code: 1, err: expect.stringContaining('No staff user') as string });
    expect((await run(['frobnicate', email])).code).toBe(2);
    expect((await run([])).code).toBe(2);
  });
});
