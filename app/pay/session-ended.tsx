import { getTranslations } from 'next-intl/server';
import { SupportContact } from '@/app/support-contact';
import { noSession } from '@/lib/server/customer-page';

/**
 * What every customer page says without a live session. A session of this browser's that ended
 * (expired, or its link withdrawn): open the link again, ask the merchant (its contact), or have a new one emailed (the form names
 * the account by a signed value, lib/auth/new-link-ask.ts; a plain post, no JavaScript needed).
 * No session at all: how to get a link, not that one "ended".
 */
export async function SessionEnded() {
  const [t, said, state] = await Promise.all([getTranslations('portal'), getTranslations('newLink'), noSession()]);
  if (state.kind === 'none') {
    return (
      <section className="panel" data-testid="no-session">
        <h1>{said('noSessionTitle')}</h1>
        <p>{said('noSessionLead', { merchant: state.merchant })}</p>
        <SupportContact />
      </section>
    );
  }
  return (
    <section className="panel" data-testid="session-ended">
      <h1>{t('sessionEnded')}</h1>
      <p>{t(state.ask ? 'sessionEndedLeadForm' : 'sessionEndedLead')}</p>
      <SupportContact />
      {state.ask && (
        <section className="new-link" aria-labelledby="new-link-heading">
          <h2 id="new-link-heading">{said('heading')}</h2>
          <p>{said('intro')}</p>
          <form method="post" action="/pay/new-link" className="new-link-form">
            <input type="hidden" name="ask" value={state.ask} />
            <label htmlFor="new-link-email">{said('email')}</label>
            <input id="new-link-email" name="email" type="email" autoComplete="email" inputMode="email" required maxLength={254} />
            <button className="button" type="submit">
              {said('send')}
            </button>
          </form>
        </section>
      )}
    </section>
  );
}
