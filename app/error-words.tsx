'use client';

import { createContext, useContext, type ReactNode } from 'react';

/**
 * The error page's sentences, worded by the root layout on the server and handed down in a plain
 * React context: the error page (a client component) needs no message runtime of its own, so
 * next-intl's client code stays out of every page's first JavaScript (bench: "JS before load").
 */
export type ErrorWords = {
  errorTitle: string;
  errorLead: string;
  retry: string;
  /** With `{digest}` where the reference goes. */
  reference: string;
  /** Whom to ask ("Contact Nordlys Fiber:") and the merchant's support address. */
  contact: string;
  supportEmail: string;
};

const Words = createContext<ErrorWords | null>(null);

export function ErrorWordsProvider({ words, children }: { words: ErrorWords; children?: ReactNode }) {
  return <Words.Provider value={words}>{children}</Words.Provider>;
}

export function useErrorWords(): ErrorWords {
  const words = useContext(Words);
  if (!words) throw new Error('the error page is rendered inside the root layout, which gives its words');
  return words;
}
