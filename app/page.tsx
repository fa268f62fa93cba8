import { getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';
import { DemoAccounts } from './demo-accounts';
import { SandboxStaff } from './sandbox-staff';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const t = await getTranslations('home');
  return (
    <>
      <section className="panel">
        <h1>{t('title')}</h1>
        <p>{t('lead')}</p>
      </section>
      {env().sandbox.fenerum && <DemoAccounts />}
      {env().anySandbox && <SandboxStaff />}
    </>
  );
}
