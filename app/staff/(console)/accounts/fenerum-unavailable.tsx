import { getTranslations } from 'next-intl/server';

/**
 * Fenerum said 429 (or this process's budget of its 60 calls a minute is spent): the page says
 * so and reloads itself after the wait Fenerum asked for. Any other failure: a sentence, no reload.
 */
export async function FenerumUnavailable({ busySeconds }: { busySeconds: number | null }) {
  const t = await getTranslations('staffAccounts');
  if (busySeconds === null) {
    return (
      <section className="panel" role="alert">
        <p>{t('unavailable')}</p>
      </section>
    );
  }
  return (
    <section className="panel" role="status" data-testid="fenerum-busy">
      <meta httpEquiv="refresh" content={String(busySeconds)} />
      <h1>{t('busyTitle')}</h1>
      <p>{t('busy', { seconds: busySeconds })}</p>
      <a className="button" href="">
        {t('busyNow')}
      </a>
    </section>
  );
}
