import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';
import { currentMerchant } from '@/lib/merchant/current';
import { ErrorWordsProvider } from './error-words';
import { LanguageSwitch } from './language-switch';
import { MerchantBrand } from './merchant-brand';
import { SandboxBanner } from './(sandbox)/sandbox-banner';
import './globals.css';

/** Every tab title in the visitor's language: a page names its own (app/page-title.ts), this adds the merchant's name. */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('titles');
  const template = t('template', { merchant: currentMerchant().name });
  return { title: { template, default: template.replace('%s', t('home')) }, robots: { index: false, follow: false }, icons: { icon: '/favicon.svg' } };
}
export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1f3a5f' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, e, tm] = await Promise.all([getLocale(), getTranslations('errors'), getTranslations('merchant')]);
  // The merchant's brand colour as the accent (lib/merchant: darkened where text on it would not read).
  const { accent, name, support } = currentMerchant();
  // The reference keeps `{digest}` for the error page to fill in (not t.raw: with precompiled messages it throws in development).
  const errorWords = {
    errorTitle: e('errorTitle'),
    errorLead: e('errorLead'),
    retry: e('retry'),
    reference: e('reference', { digest: '{digest}' }),
    contact: tm('contact', { merchant: name }),
    supportEmail: support.email,
  };
  return (
    <html lang={locale} style={accent ? ({ '--accent': accent } as React.CSSProperties) : undefined}>
      <body>
        <SandboxBanner sandbox={env().sandbox} />
        <header className="site-header">
          <Link href="/" className="brand">
            <MerchantBrand />
          </Link>
          <LanguageSwitch />
        </header>
        <main className="page">
          {/* The error page (app/error.tsx) is a client component: its words come down with every page. */}
          <ErrorWordsProvider words={errorWords}>{children}</ErrorWordsProvider>
        </main>
      </body>
    </html>
  );
}
