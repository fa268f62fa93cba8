import { getTranslations } from 'next-intl/server';
import type { StaffUserRow } from '@/lib/staff/users/users';
import { STAFF_ROLES } from '@/lib/auth/staff-roles';
import { ActionForm } from './action-form';
import { changeUserRole, disableUser, enableUser, resetUserPassword, resetUserSecondFactor } from './actions';

/** One staff user: who, role, state, and what an admin may do to them (never to themselves: another admin does that). */
export async function UserRow({ user, self }: { user: StaffUserRow; self: boolean }) {
  const [t, roles] = await Promise.all([getTranslations('staffUsersPage'), getTranslations('staffConsole.roles')]);
  const hidden = { userId: user.id };
  const roleId = `role-${user.id}`;
  return (
    <li className="staff-user-row" data-email={user.email}>
      <p>
        <strong>{user.name}</strong> {self && <small>({t('you')})</small>}
        <br />
        <code>{user.email}</code> · {roles(user.role)} · {user.disabledAt ? t('disabled') : t('active')} ·{' '}
        {user.totpEnrolledAt ? t('enrolled') : t('notEnrolled')}
      </p>
      <div className="staff-row-actions">
        {!self && (
          <ActionForm action={changeUserRole} hidden={hidden} submit={t('changeRole')} secondary>
            <label htmlFor={roleId} className="visually-hidden">
              {t('role')}
            </label>
            <select id={roleId} name="role" defaultValue={user.role} className="staff-input">
              {STAFF_ROLES.map((r) => (
                <option key={r} value={r}>
                  {roles(r)}
                </option>
              ))}
            </select>
          </ActionForm>
        )}
        {!self &&
          (user.disabledAt ? (
            <ActionForm action={enableUser} hidden={hidden} submit={t('enable')} secondary />
          ) : (
            <ActionForm action={disableUser} hidden={hidden} submit={t('disable')} secondary />
          ))}
        {!self && <ActionForm action={resetUserPassword} hidden={hidden} submit={t('resetPassword')} secondary />}
        {!self && user.totpEnrolledAt && <ActionForm action={resetUserSecondFactor} hidden={hidden} submit={t('resetSecondFactor')} secondary />}
      </div>
    </li>
  );
}
