import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

const LINKS = [
  { href: '/staff/payments', label: 'all' },
  { href: '/staff/payments/failed', label: 'failed' },
  { href: '/staff/payments/reconciliation', label: 'reconciliation' },
] as const;

/** The payments area's own menu: all payments, failed ones, reconciliation. */
export async function PaymentsSubnav({ current }: { current: (typeof LINKS)[number]['label'] }) {
  const t = await getTranslations('farpay');
  return (
    <nav aria-label={t('nav')} className="pay-subnav">
      <ul>
        {LINKS.map((l) => (
          <li key={l.href}>
            <Link href={l.href} aria-current={l.label === current ? 'page' : undefined}>
              {t(`links.${l.label}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
