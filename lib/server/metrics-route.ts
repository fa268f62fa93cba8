import 'server-only';
import { refused } from '@/lib/domain/outcomes';
import { readDatabaseGauges } from '@/lib/metrics/database-gauges';
import { metrics } from '@/lib/metrics/registry';
import { hasBearer } from './bearer';
import { appContext } from './context';
import { answer } from './reply';

/**
 * GET /api/metrics: this process's metrics in Prometheus' text format, for a scraper holding
 * `Authorization: Bearer <METRICS_TOKEN>` (compared in constant time). Without the token, or
 * a wrong one: 401 `{error, code: 'unauthenticated'}`, nothing read. With no METRICS_TOKEN
 * configured (live keys and none set): 404, as if the route were not there. The database's
 * gauges (queue, refunds, mail) are read at each scrape, on the background connection.
 */
export function metricsRoute(): (req: Request) => Promise<Response> {
  return (req) =>
    answer(async () => {
      const ctx = await appContext();
      const token = ctx.env.metricsToken;
      if (!token) return refused('disabled');
      if (!hasBearer(req, token)) return refused('unauthenticated', 'apiKeyMissing', { key: '<METRICS_TOKEN>' });
      const m = metrics();
      await readDatabaseGauges(ctx.database.backgroundDb, m);
      return new Response(await m.registry.metrics(), { status: 200, headers: { 'Content-Type': m.registry.contentType, 'Cache-Control': 'no-store' } });
    });
}
