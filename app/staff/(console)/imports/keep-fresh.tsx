'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** While an import is under way, the page reads its progress again every few seconds. */
export function KeepFresh({ everyMs }: { everyMs: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
