'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

type Labels = { stop: string; stopped: string; now: string };

/**
 * "Fenerum is busy; this page refreshes in N seconds", counting down, then the page asks again
 * (router.refresh). The person can stop the automatic refresh (WCAG 2.2.1) or try at once.
 */
export function BusyCountdown({ seconds, sentence, labels }: { seconds: number; sentence: Record<number, string> | string[]; labels: Labels }) {
  const router = useRouter();
  const [left, setLeft] = useState(seconds);
  const [stopped, setStopped] = useState(false);
  useEffect(() => {
    if (stopped) return;
    if (left <= 0) {
      // Ask again; while Fenerum is still busy the countdown starts over.
      router.refresh();
      const again = setTimeout(() => setLeft(seconds), 1000);
      return () => clearTimeout(again);
    }
    const timer = setTimeout(() => setLeft((n) => n - 1), 1000);
    return () => clearTimeout(timer);
  }, [left, stopped, router, seconds]);
  return (
    <>
      <p>{stopped ? labels.stopped : sentence[Math.max(0, left)]}</p>
      <div className="actions">
        <button type="button" className="button" onClick={() => router.refresh()}>
          {labels.now}
        </button>
        {!stopped && (
          <button type="button" className="button button-secondary" onClick={() => setStopped(true)}>
            {labels.stop}
          </button>
        )}
      </div>
    </>
  );
}
