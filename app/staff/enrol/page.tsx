import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import QRCode from 'qrcode';
import { startEnrolment } from '@/lib/auth/staff/enrolment';
import { isRefused } from '@/lib/domain/outcomes';
import { appContext } from '@/lib/server/context';
import { readStaffToken, signInStep, staffAuthConfig } from '@/lib/server/staff-session';
import { confirmCode } from './actions';
import { EnrolForm } from './enrol-form';
import { titled } from '@/app/page-title';

export const dynamic = 'force-dynamic';
export const generateMetadata = titled('staffEnrol');

/** Enrolment, right after the password, for a role that needs a second factor and has none yet. */
export default async function EnrolPage() {
  const ctx = await appContext();
  const step = await signInStep(ctx);
  if (step === 'password' || step === 'code') redirect('/staff/login');
  const t = await getTranslations('staffAuth');
  // After the code is confirmed the action sets the new session cookie and Next renders this page
  // again ('done'): the form keeps its place in the tree, so the recovery codes it shows stay.
  const enrolment = step === 'enrol' ? await startEnrolment({ db: ctx.db, config: staffAuthConfig(ctx) }, await readStaffToken(ctx)) : null;
  if (isRefused(enrolment)) redirect('/staff/login');
  const svg = enrolment ? await QRCode.toString(enrolment.uri, { type: 'svg', margin: 1 }) : null;
  return (
    <section className="panel staff-narrow">
      <h1>{t('enrolTitle')}</h1>
      <div>
        {enrolment && svg && (
          <>
            <p>{t('enrolLead')}</p>
            {/* eslint-disable-next-line @next/next/no-img-element -- an inline SVG data URL, nothing to optimise */}
            <img className="staff-qr" src={`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`} alt={t('qrAlt')} width={200} height={200} />
            <p>{t('enrolSecret')}</p>
            <p>
              <code className="staff-secret" data-testid="totp-secret">
                {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
              </code>
            </p>
          </>
        )}
      </div>
      <EnrolForm
        enrolled={!enrolment}
        action={confirmCode}
        texts={{
          code: t('code'),
          confirm: t('enrolConfirm'),
          busy: t('signingIn'),
          recoveryTitle: t('recoveryTitle'),
          recoveryLead: t('recoveryLead'),
          done: t('recoveryDone'),
        }}
      />
    </section>
  );
}
