import type { Translate } from '@/lib/i18n/translate';

/** Every customer page says the same when the session is gone: open the link again. */
export function SessionEnded({ t }: { t: Translate }) {
  return (
    <section className="panel" role="alert" data-testid="session-ended">
      <h1>{t('portal.sessionEnded')}</h1>
      <p>{t('portal.sessionEndedLead')}</p>
    </section>
  );
}
