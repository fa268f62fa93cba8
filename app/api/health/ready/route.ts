import { readiness } from '@/lib/server/readiness';
import { ok, unavailable } from '@/lib/server/reply';

export const dynamic = 'force-dynamic';

/**
 * Readiness, for a load balancer: 200 when this instance may take traffic (its database answers,
 * every migration is applied, it is not shutting down), else 503 with `code` and the reason.
 */
export async function GET() {
  const state = await readiness();
  return state.ready ? ok({ ok: true }, { 'Cache-Control': 'no-store' }) : unavailable({ ok: false, code: state.code, error: state.error });
}
