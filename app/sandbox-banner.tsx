import type { Env } from '@/lib/env/schema';
import type { Translate } from '@/lib/i18n/translate';

const names = { fenerum: 'Fenerum', stripe: 'Stripe', quickpay: 'QuickPay', farpay: 'FarPay' } as const;

/** Shown on every page while any provider runs against the local sandbox. */
export function SandboxBanner({ sandbox, t }: { sandbox: Env['sandbox']; t: Translate }) {
  const emulated = (Object.keys(names) as Array<keyof typeof names>).filter((k) => sandbox[k]);
  if (emulated.length === 0) return null;
  const text = emulated.length === 4 ? t('sandbox.banner') : t('sandbox.partial', { providers: emulated.map((k) => names[k]).join(', ') });
  return (
    <div className="sandbox-banner" role="note" data-testid="sandbox-banner">
      {text}
    </div>
  );
}
