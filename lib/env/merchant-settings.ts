import { z } from 'zod';
import { optional, url } from './fields';
import { SANDBOX_MERCHANT } from './sandbox-defaults';

/** A logo: an https address, or a path on the portal itself ("/logo.svg"; not "//host", which is another site). */
const logo = z
  .string()
  .max(2000)
  .refine(
    (v) => (/^\/(?![/\\])/.test(v) || /^https:\/\/[^\s"'<>]+$/.test(v)) && !/[\s"'<>]/.test(v),
    'must be an https:// address or a path on the portal starting with /',
  );

/** "#0f766e" or "#0f7" (hex, as CSS writes it). */
const hexColour = z.string().regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'must be a hex colour such as #0f766e');

/** The merchant whose portal this is: named on every customer page and email (lib/merchant). */
export const merchantFields = {
  MERCHANT_NAME: optional.pipe(z.string().max(100, 'must be at most 100 characters').optional()),
  MERCHANT_LOGO_URL: optional.pipe(logo.optional()),
  MERCHANT_BRAND_COLOR: optional.pipe(hexColour.optional()),
  MERCHANT_SUPPORT_EMAIL: optional.pipe(z.email('must be an email address').max(254).optional()),
  MERCHANT_SUPPORT_PHONE: optional.pipe(
    z
      .string()
      .regex(/^\+?[0-9][0-9 ()./-]{3,30}$/, 'a phone number: digits, spaces and + ( ) . / - only')
      .optional(),
  ),
  MERCHANT_TERMS_URL: optional.pipe(url.optional()),
  MERCHANT_PRIVACY_URL: optional.pipe(url.optional()),
};

type MerchantInput = z.output<z.ZodObject<typeof merchantFields>>;

/** With live keys, customers are told whose portal it is and whom to ask: never the sandbox's fictional merchant. */
export function liveMerchantProblem(e: MerchantInput): { name: string; why: string } | null {
  if (!e.MERCHANT_NAME) return { name: 'MERCHANT_NAME', why: 'required when a provider uses live keys (every customer page and email names the merchant)' };
  if (!e.MERCHANT_SUPPORT_EMAIL)
    return { name: 'MERCHANT_SUPPORT_EMAIL', why: 'required when a provider uses live keys (customer pages offer it wherever they say "ask us")' };
  return null;
}

/** Whose portal it is (lib/merchant `merchantIdentity`): live, what is set (name and support email required); in sandbox mode a fictional merchant fills what is not. */
export function resolveMerchant(e: MerchantInput, anyLive: boolean) {
  return {
    name: e.MERCHANT_NAME ?? SANDBOX_MERCHANT.name,
    logoUrl: e.MERCHANT_LOGO_URL ?? (anyLive ? null : SANDBOX_MERCHANT.logoUrl),
    brandColor: e.MERCHANT_BRAND_COLOR ?? (anyLive ? null : SANDBOX_MERCHANT.brandColor),
    supportEmail: e.MERCHANT_SUPPORT_EMAIL ?? SANDBOX_MERCHANT.supportEmail,
    supportPhone: e.MERCHANT_SUPPORT_PHONE ?? (anyLive ? null : SANDBOX_MERCHANT.supportPhone),
    termsUrl: e.MERCHANT_TERMS_URL ?? (anyLive ? null : SANDBOX_MERCHANT.termsUrl),
    privacyUrl: e.MERCHANT_PRIVACY_URL ?? (anyLive ? null : SANDBOX_MERCHANT.privacyUrl),
  };
}
