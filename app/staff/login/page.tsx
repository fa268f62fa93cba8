import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { appContext } from '@/lib/server/context';
import { signInStep } from '@/lib/server/staff-session';
import { signIn, signOut, submitCode } from './actions';
import { StepForm } from './step-form';
import { ActionForm } from '@/app/action-form';
import { titled } from '@/app/page-title';

export const dynamic = 'force-dynamic';
export const generateMetadata = titled('staffLogin');

/** Staff sign-in: email and password, then the TOTP code for a role that needs one. */
export default async function StaffLoginPage() {
  const [step, t] = await Promise.all([appContext().then(signInStep), getTranslations('staffAuth')]);
  if (step === 'done') redirect('/staff');
  if (step === 'enrol') redirect('/staff/enrol');
  if (step === 'code') {
    return (
      <section className="panel staff-narrow">
        <h1>{t('codeTitle')}</h1>
        <p>{t('codeLead')}</p>
        <StepForm
          action={submitCode}
          fields={[{ name: 'code', label: t('code'), type: 'text', autoComplete: 'one-time-code', inputMode: 'text' }]}
          submit={t('verify')}
          busy={t('signingIn')}
        />
        <ActionForm action={signOut}>
          <button type="submit" className="button-link">
            {t('startOver')}
          </button>
        </ActionForm>
      </section>
    );
  }
  return (
    <section className="panel staff-narrow">
      <h1>{t('title')}</h1>
      <p>{t('lead')}</p>
      <StepForm
        action={signIn}
        fields={[
          { name: 'email', label: t('email'), type: 'email', autoComplete: 'username' },
          { name: 'password', label: t('password'), type: 'password', autoComplete: 'current-password' },
        ]}
        submit={t('signIn')}
        busy={t('signingIn')}
      />
    </section>
  );
}
