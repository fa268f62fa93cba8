import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { env } from '@/lib/env';
import { getTranslator } from '@/lib/i18n/server';
import { LanguageSwitch } from './language-switch';
import { SandboxBanner } from './sandbox-banner';
import './globals.css';

export const metadata: Metadata = { title: 'Card portal', robots: { index: false, follow: false }, icons: { icon: '/favicon.svg' } };
export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1f3a5f' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { locale, t } = await getTranslator();
  return (
    <html lang={locale}>
      <body>
        <SandboxBanner sandbox={env().sandbox} t={t} />
        <header className="site-header">
          <Link href="/" className="brand">
            {t('home.title')}
          </Link>
          <LanguageSwitch locale={locale} t={t} />
        </header>
        <main className="page">{children}</main>
      </body>
    </html>
  );
}
