import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { registrations } from '@/lib/db/schema';
import { registerInBackground, registerQueued } from '@/lib/registrations/server';
import { stripe } from '@/lib/stripe';
import { registerSetupIntent } from './register-setup-intent';

/** For the customer waiting on the page: try Fenerum now, a few seconds at most. */
export async function registerSetupIntentNow(setupIntentId: string, account: string) {
  return registerSetupIntent({ db: await getDb(), stripe: stripe(), register: (id) => registerQueued(id, 4_000) }, setupIntentId, account);
}

/** For a webhook: verify and queue, answer at once; the attempt at Fenerum runs after. */
export async function queueSetupIntent(setupIntentId: string) {
  const db = await getDb();
  return registerSetupIntent(
    {
      db,
      stripe: stripe(),
      register: async (id) => {
        registerInBackground(id);
        const [row] = await db.select().from(registrations).where(eq(registrations.id, id));
        if (!row) throw new Error(`registration ${id} vanished`);
        return { status: row.status === 'registered' ? 'registered' : 'pending', registration: row };
      },
    },
    setupIntentId,
    null,
  );
}
