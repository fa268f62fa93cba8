import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Refused } from '@/lib/domain/outcomes';
import type { RefusalView } from '@/lib/server/staff-refusal';
import { staffSentences } from '@/lib/server/staff-sentences';

/** A staff page that cannot be shown: a role too low, an unknown account or card, a malformed address. */
async function RefusalPanel({ refusal }: { refusal: Refused }) {
  const t = await getTranslations('staffAccounts');
  const text = refusal.reason === 'forbidden' ? t('notAllowed') : (await staffSentences()).refusal(refusal);
  return (
    <section className="panel" role="alert" data-testid="refusal">
      <h1>{refusal.reason === 'forbidden' ? t('notAllowed') : t('notFound')}</h1>
      {refusal.reason !== 'forbidden' && <p>{text}</p>}
      <Link href="/staff/accounts">{t('backToSearch')}</Link>
    </section>
  );
}

/** staffPage's refusal view for the account pages: the panel. */
export const showRefusalPanel: RefusalView = (refusal) => <RefusalPanel refusal={refusal} />;
