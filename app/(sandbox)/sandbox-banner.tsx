import { getTranslations } from 'next-intl/server';
import type { Env } from '@/lib/env/schema';

const names = { fenerum: 'Fenerum', stripe: 'Stripe', quickpay: 'QuickPay', farpay: 'FarPay' } as const;

/** Shown on every page while any provider runs against the local sandbox. */
export async function SandboxBanner({ sandbox }: { sandbox: Env['sandbox'] }) {
  const emulated = (Object.keys(names) as Array<keyof typeof names>).filter((k) => sandbox[k]);
  if (emulated.length === 0) return null;
  const t = await getTranslations('sandbox');
  const text = emulated.length === 4 ? t('banner') : t('partial', { providers: emulated.map((k) => names[k]).join(', ') });
  return (
    // A landmark of its own, named by its text, so every line of the page sits in one (axe "region").
    <aside className="sandbox-banner" aria-labelledby="sandbox-banner-text" data-testid="sandbox-banner">
      <span id="sandbox-banner-text">{text}</span>
    </aside>
  );
}
