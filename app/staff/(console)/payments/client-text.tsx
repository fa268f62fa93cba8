import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';

/** Gives the payments pages' client parts (refund dialog, check, export) their words: the `farpay` namespace only. */
export async function FarpayClientText({ children }: { children: React.ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={{ farpay: messages.farpay }}>{children}</NextIntlClientProvider>;
}
