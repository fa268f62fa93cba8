import { sql } from 'drizzle-orm';
import { appContext } from '@/lib/server/context';
import { ok, unavailable } from '@/lib/server/reply';

export const dynamic = 'force-dynamic';

/** For load balancers and the test runner: the app is up and its database answers (else 503). */
export async function GET() {
  const healthy = await appContext()
    .then((ctx) => ctx.db.execute(sql`select 1`))
    .then(
      () => true,
      () => false,
    );
  return healthy ? ok({ ok: true }) : unavailable({ ok: false, error: 'database unavailable' });
}
