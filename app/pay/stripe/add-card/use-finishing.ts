import { useEffect } from 'react';
import { registerPaymentCard } from './api';
import type { CardSummary } from '@/lib/domain/cards';

export type Notice =
  { kind: 'saved'; card: CardSummary | null } | { kind: 'finishing'; setupIntentId: string; card: CardSummary | null; slow: boolean } | { kind: 'failed' };

/** Seconds between asks while Fenerum finishes a card (about a minute in all). */
const DELAYS_MS = [1_500, 2_500, 4_000, 6_000, 10_000, 15_000, 20_000];

/**
 * Stripe confirmed the card and the server queued it (202, or SEPA still processing): ask again
 * (registration is idempotent per SetupIntent) and refresh the server-rendered list each time,
 * until it is registered; after that say it takes longer, without a false alarm.
 */
export function useFinishing(notice: Notice | null, setNotice: (n: Notice) => void, refresh: () => void): void {
  const waitingFor = notice?.kind === 'finishing' && !notice.slow ? notice : null;
  const id = waitingFor?.setupIntentId;
  const card = waitingFor?.card ?? null;
  useEffect(() => {
    if (!id) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async (round: number) => {
      const result = await registerPaymentCard(id);
      if (!live) return;
      refresh();
      if (result.kind === 'registered') return setNotice({ kind: 'saved', card: result.card ?? card });
      // Fenerum refused it for good (or it is another account's): say so, do not wait on.
      if (result.kind === 'refused') return setNotice({ kind: 'failed' });
      if (result.kind !== 'session' && round + 1 < DELAYS_MS.length) return ask(round + 1);
      setNotice({ kind: 'finishing', setupIntentId: id, card, slow: true });
    };
    // registerPaymentCard never throws (every outcome is a value), so nothing is lost by not awaiting here.
    const ask = (round: number) => {
      timer = setTimeout(() => void check(round), DELAYS_MS[round]);
    };
    ask(0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [id, card, setNotice, refresh]);
}
