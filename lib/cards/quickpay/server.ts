import 'server-only';
import { getCustomerSession } from '@/lib/auth/server';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { ApiError } from '@/lib/http/errors';
import { clientIp } from '@/lib/http/read-json';
import { getLocale } from '@/lib/i18n/server';
import { quickpay } from '@/lib/quickpay';
import { QuickpayError } from '@/lib/quickpay/errors';
import { startQuickpayCard } from './start';

/** For both customer routes: the session's account gets a QuickPay window, or a clear refusal. */
export async function quickpayWindowFor(req: Request): Promise<string> {
  const session = await getCustomerSession();
  if (!session) throw new ApiError(401, 'Your session has ended; open your card portal link again');
  try {
    const { url } = await startQuickpayCard({ db: await getDb(), quickpay: quickpay(), appUrl: env().appUrl }, session, await getLocale(), clientIp(req));
    return url;
  } catch (err) {
    if (err instanceof QuickpayError) {
      console.error('QuickPay refused', err.status, err.message);
      throw new ApiError(err.isTransient ? 503 : 502, 'QuickPay is not available right now; please try again in a minute');
    }
    throw err;
  }
}
