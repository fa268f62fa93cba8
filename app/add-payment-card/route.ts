import { NextResponse } from 'next/server';
import { plainPage } from '@/lib/auth/plain-page';
import { quickpayWindowFor } from '@/lib/cards/quickpay/server';
import { ApiError, errorResponse } from '@/lib/http/errors';
import { getTranslator } from '@/lib/i18n/server';

const noStore = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };

/** A plain link that works without JavaScript: straight on to QuickPay's window (303). */
export async function GET(req: Request) {
  try {
    const url = await quickpayWindowFor(req);
    return new NextResponse(null, { status: 303, headers: { Location: url, ...noStore } });
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      const { locale, t } = await getTranslator();
      return new NextResponse(plainPage(t('portal.sessionEnded'), t('portal.sessionEndedLead'), locale), {
        status: 401,
        headers: { 'Content-Type': 'text/html; charset=utf-8', ...noStore },
      });
    }
    return errorResponse(err);
  }
}
