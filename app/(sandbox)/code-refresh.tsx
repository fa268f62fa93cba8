'use client';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** Renders the page again when the sandbox's TOTP code changes, so the code shown is always the current one. */
export function CodeRefresh({ seconds }: { seconds: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setTimeout(() => router.refresh(), seconds * 1000 + 250);
    return () => clearTimeout(timer);
  }, [router, seconds]);
  return null;
}
