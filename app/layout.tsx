import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';
import { LanguageSwitch } from './language-switch';
import { SandboxBanner } from './(sandbox)/sandbox-banner';
import './globals.css';

export const metadata: Metadata = { title: 'Card portal', robots: { index: false, follow: false }, icons: { icon: '/favicon.svg' } };
export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1f3a5f' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('home')]);
  return (
    <html lang={locale}>
      <body>
        <SandboxBanner sandbox={env().sandbox} />
        <header className="site-header">
          <Link href="/" className="brand">
            {t('title')}
          </Link>
          <LanguageSwitch />
        </header>
        <main className="page">{children}</main>
      </body>
    </html>
  );
}
