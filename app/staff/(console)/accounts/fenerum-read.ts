import { providerFailure } from '@/lib/server/errors';
import { fenerumBusySeconds } from '@/lib/staff/accounts/fenerum-busy';
import { log } from '@/lib/log';

/** What a staff page read from Fenerum: the value, or why not (busy for N seconds, or not answering). */
export type FenerumRead<T> = { ok: true; value: T } | { ok: false; busySeconds: number | null };

/** Runs a read that calls Fenerum; its failures become a panel on the page, never an error page. */
export async function readFenerum<T>(load: () => Promise<T>): Promise<FenerumRead<T>> {
  try {
    return { ok: true, value: await load() };
  } catch (err) {
    const failure = providerFailure(err);
    if (failure?.provider !== 'fenerum') throw err;
    const busySeconds = fenerumBusySeconds(err);
    if (busySeconds === null) log.error({ status: failure.status, err }, 'staff page: Fenerum failed');
    return { ok: false, busySeconds };
  }
}
