import { getTranslations } from 'next-intl/server';
import { listStaff } from '@/lib/staff/users/users';
import { STAFF_ROLES } from '@/lib/auth/staff-roles';
import { staffPage } from '@/lib/server/staff';
import { ActionForm } from './action-form';
import { addUser } from './actions';
import { UserRow } from './user-row';
import { titled } from '@/app/page-title';

export const dynamic = 'force-dynamic';
export const generateMetadata = titled('users');

/** Admins only: every staff user, and adding, changing a role, disabling, resetting a password or a second factor. */
export default async function StaffUsersPage() {
  const [t, roles] = await Promise.all([getTranslations('staffUsersPage'), getTranslations('staffConsole.roles')]);
  return staffPage('admin', async ({ ctx, user }) => {
    const users = await listStaff(ctx.db);
    return (
      <>
        <section className="panel">
          <h1>{t('title')}</h1>
          <p>{t('lead')}</p>
          <h2>{t('add')}</h2>
          <ActionForm action={addUser} submit={t('addButton')} className="staff-form staff-add">
            <label className="staff-field">
              <span>{t('email')}</span>
              <input name="email" type="email" autoComplete="off" required maxLength={254} />
            </label>
            <label className="staff-field">
              <span>{t('name')}</span>
              <input name="name" type="text" autoComplete="off" required maxLength={100} />
            </label>
            <label className="staff-field">
              <span>{t('role')}</span>
              <select name="role" defaultValue="viewer">
                {STAFF_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {roles(r)}: {t(`roleHelp.${r}`)}
                  </option>
                ))}
              </select>
            </label>
          </ActionForm>
        </section>
        <section className="panel">
          <h2>{t('list')}</h2>
          <ul className="staff-users" data-testid="staff-users">
            {users.map((u) => (
              <UserRow key={u.id} user={u} self={u.id === user.id} />
            ))}
          </ul>
        </section>
      </>
    );
  });
}
