'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useSyncExternalStore, type ComponentType } from 'react';
import type { PanelProps } from './panel';
import { Loading, Problem, Shell } from './shell';

/** What the portal page (a server component) hands over. Only the publishable key: no secret. */
export type StripeAddCardProps = {
  publishableKey: string;
  /** Sandbox only (e.g. http://localhost:4101/v3/), run before loadStripe; null with real keys. */
  stripeJsUrl: string | null;
  sepaEnabled: boolean;
};

const noSubscription = () => () => {};

/**
 * The "Add card" button: all this page loads up front. The form, Stripe.js and
 * @stripe/react-stripe-js load only once it is clicked (./panel, a chunk of its own).
 * Its words come from the `stripe` and `card` namespaces the page's NextIntlClientProvider passes.
 */
export function StripeAddCard(props: StripeAddCardProps) {
  const { sepaEnabled } = props;
  const t = useTranslations('stripe');
  // Disabled until hydrated: a click before then would do nothing.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [Panel, setPanel] = useState<ComponentType<PanelProps> | null>(null);
  const [chunkFailed, setChunkFailed] = useState(false);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);

  useEffect(() => {
    if (open || !refocus.current) return;
    refocus.current = false;
    button.current?.focus();
  }, [open]);

  const loadPanel = () => {
    setChunkFailed(false);
    import('./panel').then(
      (m) => setPanel(() => m.default),
      () => setChunkFailed(true),
    );
  };
  const start = () => {
    setOpen(true);
    if (!Panel) loadPanel();
  };
  const close = (focusButton: boolean) => {
    refocus.current = focusButton;
    setOpen(false);
    setChunkFailed(false);
  };

  return (
    <>
      {Panel ? (
        <Panel {...props} open={open} onClose={close} />
      ) : (
        open && (
          <Shell sepaEnabled={sepaEnabled}>
            {chunkFailed ? <Problem message={t('network')} retry={loadPanel} cancel={() => close(true)} /> : <Loading cancel={() => close(true)} />}
          </Shell>
        )
      )}
      {!open && (
        <button ref={button} type="button" className="button" onClick={start} disabled={!hydrated} data-testid="add-stripe">
          {t('add')}
        </button>
      )}
    </>
  );
}
