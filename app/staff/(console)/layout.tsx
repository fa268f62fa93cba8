import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { roleAllows } from '@/lib/auth/staff-roles';
import { staffPage } from '@/lib/server/staff';
import { signOut } from '../login/actions';
import { STAFF_NAV } from './nav';
import { SearchBox } from './search-box';
import { ActionForm } from '@/app/action-form';

/** The console around every signed-in staff page: the menu for the user's role, the search box, who is signed in, sign-out. */
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations('staffConsole');
  const chrome = await staffPage(
    'viewer',
    () => null,
    async ({ user }) => (
      <div className="staff-bar">
        <nav aria-label={t('nav')} className="staff-nav">
          <ul>
            {STAFF_NAV.filter((item) => roleAllows(user.role, item.role)).map((item) => (
              <li key={item.href}>
                {item.coming ? (
                  <span className="staff-nav-coming">
                    {t(`links.${item.label}`)} <small>({t('coming')})</small>
                  </span>
                ) : (
                  <Link href={item.href}>{t(`links.${item.label}`)}</Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
        <SearchBox />
        <ActionForm action={signOut} className="staff-user">
          <span data-testid="staff-user">{t('signedInAs', { email: user.email })}</span>
          <button type="submit" className="button button-secondary">
            {t('signOut')}
          </button>
        </ActionForm>
      </div>
    ),
  );
  return (
    <div className="staff-console">
      {chrome}
      {children}
    </div>
  );
}
