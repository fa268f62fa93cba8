import { getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';
import { MerchantFooter } from './merchant-footer';
import { DemoAccounts } from './(sandbox)/demo-accounts';
import { SandboxMailbox } from './(sandbox)/sandbox-mailbox';
import { SandboxStaff } from './(sandbox)/sandbox-staff';

export const dynamic = 'force-dynamic';

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [t, ta, query] = await Promise.all([getTranslations('home'), getTranslations('approval'), searchParams]);
  // After the sandbox's "Bank wants authentication" button (app/(sandbox)/demo/charge).
  const charge = typeof query.charge === 'string' && ['charged', 'no-card', 'failed'].includes(query.charge) ? query.charge : null;
  const chargedAccount = typeof query.account === 'string' ? query.account.slice(0, 64) : '';
  return (
    <>
      <section className="panel">
        <h1>{t('title')}</h1>
        <p>{t('lead')}</p>
      </section>
      {charge && env().sandbox.fenerum && (
        <p className={`notice ${charge === 'charged' ? 'notice-action' : 'notice-warn'}`} role="status" data-testid="demo-charge-outcome">
          {ta(charge === 'charged' ? 'sandboxCharged' : charge === 'no-card' ? 'sandboxNoCard' : 'sandboxChargeFailed', { account: chargedAccount })}
        </p>
      )}
      {env().sandbox.fenerum && <DemoAccounts />}
      {env().sandbox.fenerum && <SandboxMailbox />}
      {env().anySandbox && <SandboxStaff />}
      <MerchantFooter />
    </>
  );
}
