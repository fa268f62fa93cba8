import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/app/action-form';
import { titled } from '@/app/page-title';
import { cardToRemove } from '@/lib/cards/remove-card';
import { cardLine, cardName } from '@/app/card-line';
import { customerPage } from '@/lib/server/customer-page';
import { providerFailure } from '@/lib/server/errors';
import { SessionEnded } from '../../../session-ended';
import { removeCardAction } from '../../actions';

// Not `no-referrer` as the other customer pages: with it a browser sends `Origin: null` on a form
// posted without JavaScript, and the front door refuses it as another site's. `same-origin`
// still tells no other site where the customer was.
export const generateMetadata = titled('removeCard', { referrer: 'same-origin' });

/**
 * "Remove Visa •••• 4242, expires 12/34?": the confirmation that names the card, a form that
 * works without JavaScript. Only a card of the session's account that is active now; the last
 * active card is not offered (and the action refuses it too).
 */
export default async function RemoveCardPage({ params }: { params: Promise<{ cardUuid: string }> }) {
  const [{ cardUuid }, t, { ctx, session }] = await Promise.all([params, getTranslations(), customerPage()]);
  if (!session) return <SessionEnded />;
  let found: Awaited<ReturnType<typeof cardToRemove>>;
  try {
    found = await cardToRemove(ctx, session, cardUuid);
  } catch (err) {
    if (!providerFailure(err)) throw err;
    return (
      <section className="panel" role="alert">
        <h1>{t('manage.title')}</h1>
        <p>{t('portal.unavailable')}</p>
        <Link href="/pay">{t('portal.back')}</Link>
      </section>
    );
  }
  if (!found) {
    return (
      <section className="panel" role="alert" data-testid="remove-not-found">
        <h1>{t('manage.notFound')}</h1>
        <p>{t('manage.notFoundLead')}</p>
        <Link className="button button-secondary" href="/pay">
          {t('portal.back')}
        </Link>
      </section>
    );
  }
  const { card } = found.group;
  const line = cardName(t, card);
  if (found.last) {
    return (
      <section className="panel" role="alert" data-testid="remove-last">
        <h1>{t('manage.title')}</h1>
        <p>{t('portal.lastCard')}</p>
        <Link className="button button-secondary" href="/pay">
          {t('portal.back')}
        </Link>
      </section>
    );
  }
  return (
    <section className="panel" data-testid="remove-confirm">
      <h1>{t('manage.confirm', { card: cardLine(t, card) })}</h1>
      <p>{t('manage.confirmLead')}</p>
      <ActionForm action={removeCardAction} className="actions">
        <input type="hidden" name="card" value={card.uuid} />
        <button type="submit" className="button button-danger" data-testid="remove-submit">
          {t('manage.confirmButton', { card: line })}
        </button>
        <Link className="button button-secondary" href="/pay">
          {t('manage.cancel')}
        </Link>
      </ActionForm>
    </section>
  );
}
