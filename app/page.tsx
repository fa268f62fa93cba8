import { env } from '@/lib/env';
import { getTranslator } from '@/lib/i18n/server';
import { DemoAccounts } from './demo-accounts';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const { t } = await getTranslator();
  return (
    <>
      <section className="panel">
        <h1>{t('home.title')}</h1>
        <p>{t('home.lead')}</p>
      </section>
      {env().sandbox.fenerum && <DemoAccounts t={t} />}
    </>
  );
}
