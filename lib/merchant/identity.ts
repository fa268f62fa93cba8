import type { Env } from '@/lib/env/schema';
import { readableAccent } from './contrast';

/** The page's background (app/globals.css `--bg`): the accent must read on it. */
const PAGE_BACKGROUND = '#f6f7f9';

/** Whose portal it is, as customer pages and emails name it. */
export type MerchantIdentity = {
  name: string;
  /** An https address or a path on the portal; shown with the name as its alt text. */
  logoUrl: string | null;
  /** The brand colour as the accent (readable as text and under white text), or null: the portal's own. */
  accent: string | null;
  support: { email: string; phone: string | null };
  termsUrl: string | null;
  privacyUrl: string | null;
};

/**
 * The merchant from the configuration (MERCHANT_*; in sandbox mode a fictional merchant fills
 * what is unset). The one accessor: pages, emails and the other use cases read the name and the
 * support contact here.
 */
export function merchantIdentity(env: Pick<Env, 'merchant'>): MerchantIdentity {
  const m = env.merchant;
  return {
    name: m.name,
    logoUrl: m.logoUrl,
    accent: m.brandColor ? readableAccent(m.brandColor, PAGE_BACKGROUND) : null,
    support: { email: m.supportEmail, phone: m.supportPhone },
    termsUrl: m.termsUrl,
    privacyUrl: m.privacyUrl,
  };
}

/** The logo's origin when it is on another site (the Content-Security-Policy must allow it), else null. */
export function logoOrigin(logoUrl: string | null): string | null {
  return logoUrl?.startsWith('https://') ? new URL(logoUrl).origin : null;
}
