import { getTranslations } from 'next-intl/server';
import type { Account } from '@/lib/domain/accounts';
import { appContext } from '@/lib/server/context';

/** Sandbox mode's front door: every demo account, one click from its customer portal. */
export async function DemoAccounts() {
  const [t, ta] = await Promise.all([getTranslations('home'), getTranslations('approval')]);
  let accounts: Account[];
  try {
    accounts = await (await appContext()).fenerum.listAccounts();
  } catch {
    return <p role="alert">{t('noDemo')}</p>;
  }
  return (
    <section className="panel">
      <h2>{t('demo')}</h2>
      <p>{t('demoLead')}</p>
      <ul className="accounts" data-testid="demo-accounts">
        {accounts.map((a) => (
          <li key={a.code} className="account-row" data-testid="demo-account" data-code={a.code}>
            <span>
              <strong>{a.name}</strong> <code>{a.code}</code>
            </span>
            <form action="/demo/open" method="post">
              <input type="hidden" name="account" value={a.code} />
              <button type="submit" className="button" aria-label={`${t('open')}: ${a.name} (${a.code})`}>
                {t('open')}
              </button>
            </form>
            <form action="/demo/charge" method="post">
              <input type="hidden" name="account" value={a.code} />
              <button type="submit" className="button-link" aria-label={`${ta('sandboxCharge')}: ${a.name} (${a.code})`} data-testid="demo-charge">
                {ta('sandboxCharge')}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}
