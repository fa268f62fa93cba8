import { getTranslations } from 'next-intl/server';
import { BusyCountdown } from './busy-countdown';

/**
 * Fenerum said 429 (or the deployment's budget of its 60 calls a minute is spent): the page says
 * so and asks again after the wait Fenerum asked for. Any other failure: a sentence, no reload.
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
  // Every second's sentence, worded by the catalogue (its plural rules), for the countdown to show.
  const sentence = Array.from({ length: busySeconds + 1 }, (_, n) => t('busy', { seconds: n }));
  return (
    <section className="panel" role="status" data-testid="fenerum-busy">
      <h1>{t('busyTitle')}</h1>
      <BusyCountdown seconds={busySeconds} sentence={sentence} labels={{ stop: t('busyStop'), stopped: t('busyStopped'), now: t('busyNow') }} />
    </section>
  );
}
