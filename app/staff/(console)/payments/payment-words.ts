import type { getTranslations } from 'next-intl/server';
import { knownPaymentStatus, knownPaymentType } from '@/lib/domain/payments';

type FarpayText = Awaited<ReturnType<typeof getTranslations<'farpay'>>>;

/**
 * FarPay's payment types and statuses in the reader's language, as seeds/003 describes them
 * ("BS" → Betalingsservice); a value FarPay sent that it does not document is shown as sent.
 */
export function paymentWords(t: FarpayText) {
  return {
    type(raw: string): string {
      const known = knownPaymentType(raw);
      return known ? t(`types.${known}.name`) : raw;
    },
    /** The longer description (a title, the detail page). */
    typeAbout(raw: string): string {
      const known = knownPaymentType(raw);
      return known ? t(`types.${known}.about`) : raw;
    },
    status(raw: string): string {
      const known = knownPaymentStatus(raw);
      return known ? t(`statuses.${known}`) : raw;
    },
  };
}
