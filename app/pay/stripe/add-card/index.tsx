'use client';

import { useEffect, useLayoutEffect, useRef, useState, type ComponentType } from 'react';
import type * as PanelModule from './panel';
import type { PanelProps, StripeAddCardProps } from './props';
import { Loading, Problem, Shell } from './shell';
import type { FormLanguage } from './words';

const ignore = () => undefined;

/** The form's chunk (with next-intl's client), fetched once: when idle, on intent, or on the click. */
let panelChunk: Promise<typeof PanelModule> | null = null;
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

/** The form's chunk and Stripe.js (each loads once; openStripe keeps it per key and locale). */
function warmUp(publishableKey: string, stripeJsUrl: string | null, locale: FormLanguage['locale']) {
  void importPanel().catch(ignore);
  void import('./load-stripe').then((m) => m.openStripe(publishableKey, stripeJsUrl, locale)).catch(ignore);
}

/**
 * The "Add card" button: all this page loads up front, worded by the server. Once the page is
 * idle (or sooner, when the customer points at, focuses or touches the button) the form's chunk
 * and Stripe.js load and the form is made, hidden; a page without this button never loads
 * Stripe.js. The click shows the form, whose card fields are ready or on their way: the
 * SetupIntent is asked for on Save, so the form (and cancelling it) spends none of the
 * account's hourly card setups.
 */
export function StripeAddCard(props: StripeAddCardProps) {
  const { words } = props;
  // Disabled until hydrated: a click before then would do nothing. A layout effect enables it in
  // hydration's own commit, before the first paint; a passive effect (or useSyncExternalStore's
  // server snapshot) waits for the paint and every other effect first (bench: "link opened → fields ready").
  const [hydrated, setHydrated] = useState(false);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the one render after hydration is the point
  useLayoutEffect(() => setHydrated(true), []);
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

  const { publishableKey, stripeJsUrl } = props;
  const { locale } = props.language;
  // Once idle (or on intent): the chunk and Stripe.js, and the panel, which makes the form hidden
  // so its fields are ready when pressed. A failure here is silent: the press shows it, with "Try again".
  const prepare = () => {
    warmUp(publishableKey, stripeJsUrl, locale);
    importPanel().then((m) => setPanel(() => m.default), ignore);
  };
  const warm = prepare;
  useEffect(() => whenIdle(prepare), [publishableKey, stripeJsUrl, locale]); // eslint-disable-line react-hooks/exhaustive-deps -- prepare reads only these

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
          <Shell words={words}>
            {chunkFailed ? (
              <Problem words={words} message={words.network} retry={loadPanel} cancel={() => close(true)} />
            ) : (
              <Loading words={words} cancel={() => close(true)} />
            )}
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
          aria-describedby={props.describedBy}
          data-testid="add-stripe"
        >
          {words.add}
        </button>
      )}
    </>
  );
}
