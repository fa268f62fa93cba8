import { metricsRoute } from '@/lib/server/metrics-route';

export const dynamic = 'force-dynamic';

/** Prometheus' scrape: the token, then the text format (lib/server/metrics-route.ts). */
export const GET = metricsRoute();
