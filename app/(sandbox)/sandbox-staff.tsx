import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SANDBOX_STAFF, SANDBOX_STAFF_PASSWORD, sandboxCodeNow } from '@/lib/auth/staff/sandbox-staff';
import { CodeRefresh } from './code-refresh';
import '../staff/staff.css';

/** Sandbox mode only: the seeded staff sign-ins, with the operator's and admin's current code (no authenticator app needed). */
export async function SandboxStaff() {
  const t = await getTranslations('sandboxStaff');
  const { code, secondsLeft: left } = sandboxCodeNow();
  return (
    <section className="panel" aria-labelledby="sandbox-staff-title">
      <h2 id="sandbox-staff-title">{t('title')}</h2>
      <p>{t.rich('lead', { password: () => <code>{SANDBOX_STAFF_PASSWORD}</code> })}</p>
      <table className="staff-table" data-testid="sandbox-staff">
        <thead>
          <tr>
            <th scope="col">{t('role')}</th>
            <th scope="col">{t('email')}</th>
            <th scope="col">{t('code')}</th>
          </tr>
        </thead>
        <tbody>
          {SANDBOX_STAFF.map((s) => (
            <tr key={s.email}>
              <td>{s.role}</td>
              <td>
                <code>{s.email}</code>
              </td>
              <td>
                {s.totp ? (
                  <code className="staff-code" data-testid={`totp-${s.role}`}>
                    {code}
                  </code>
                ) : (
                  t('none')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <small>{t('left', { seconds: left })}</small> <CodeRefresh seconds={left} />
      </p>
      <p>
        <Link href="/staff/login" className="button">
          {t('open')}
        </Link>
      </p>
    </section>
  );
}
