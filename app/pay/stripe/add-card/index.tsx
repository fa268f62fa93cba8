'use client';

import { useLocale, useTranslations } from 'next-intl';
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

/** The form's chunk, fetched once: on idle, on the customer's first sign of intent, or on the click. */
let panelChunk: Promise<{ default: ComponentType<PanelProps> }> | null = null;
function importPanel() {
  panelChunk ??= import('./panel').catch((err: unknown) => {
    panelChunk = null;
    throw err;
  });
  return panelChunk;
}

/** When the browser has nothing else to do (Safari has no requestIdleCallback: a short timeout). */
function whenIdle(run: () => void): () => void {
  if ('requestIdleCallback' in window) {
    const id = window.requestIdleCallback(run, { timeout: 3000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(run, 1500);
  return () => clearTimeout(id);
}

/**
 * The "Add card" button: all this page loads up front. The form and @stripe/react-stripe-js
 * (./panel, a chunk of its own) load when the page is idle; Stripe.js when the customer points
 * at, focuses or touches the button; the SetupIntent on the click, side by side with whatever
 * is still loading.
 * Its words come from the `stripe` and `card` namespaces the page's NextIntlClientProvider passes.
 */
export function StripeAddCard(props: StripeAddCardProps) {
  const { sepaEnabled } = props;
  const t = useTranslations('stripe');
  const locale = useLocale();
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

  // Our own chunk once the page is idle; Stripe.js only when the customer shows intent
  // (pointer over, focus, touch): a page the customer only reads never loads Stripe.js.
  useEffect(() => whenIdle(() => void importPanel().catch(() => undefined)), []);
  const warm = () => {
    void importPanel().catch(() => undefined);
    void import('./load-stripe').then((m) => m.openStripe(props.publishableKey, props.stripeJsUrl, locale)).catch(() => undefined);
  };

  const loadPanel = () => {
    setChunkFailed(false);
    importPanel().then(
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
        <button
          ref={button}
          type="button"
          className="button"
          onClick={start}
          onPointerEnter={warm}
          onFocus={warm}
          onTouchStart={warm}
          disabled={!hydrated}
          data-testid="add-stripe"
        >
          {t('add')}
        </button>
      )}
    </>
  );
}
