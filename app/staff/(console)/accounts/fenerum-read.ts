import { isFenerumError } from '@/lib/fenerum/errors';
import { fenerumBusySeconds } from '@/lib/staff/accounts/fenerum-busy';

/** What a staff page read from Fenerum: the value, or why not (busy for N seconds, or not answering). */
export type FenerumRead<T> = { ok: true; value: T } | { ok: false; busySeconds: number | null };

/** Runs a read that calls Fenerum; its failures become a panel on the page, never an error page. */
export async function readFenerum<T>(load: () => Promise<T>): Promise<FenerumRead<T>> {
  try {
    return { ok: true, value: await load() };
  } catch (err) {
    if (!isFenerumError(err)) throw err;
    const busySeconds = fenerumBusySeconds(err);
    if (busySeconds === null) console.error('staff page: Fenerum failed', err.status, err.message);
    return { ok: false, busySeconds };
  }
}
