import { getTranslations } from 'next-intl/server';
import { SupportContact } from '@/app/support-contact';

/** Every customer page says the same when the session is gone: open the link again, or ask the merchant (its contact). */
export async function SessionEnded() {
  const t = await getTranslations('portal');
  return (
    <section className="panel" role="alert" data-testid="session-ended">
      <h1>{t('sessionEnded')}</h1>
      <p>{t('sessionEndedLead')}</p>
      <SupportContact />
    </section>
  );
}
