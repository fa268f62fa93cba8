import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { processSingleton } from '@/lib/process-singleton';

/** Seconds buckets for calls that take milliseconds to tens of seconds (a provider, a page). */
const SECONDS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The process's metrics, once per process (Next bundles routes, pages and instrumentation
 * separately; each bundle must count into the same registry). Read at GET /api/metrics
 * (lib/server/metrics-route.ts), where the database gauges (database-gauges.ts) are read first.
 */
function build() {
  const registry = new Registry();
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) => new Counter<L>({ name, help, labelNames, registers: [registry] });
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[]) => new Gauge<L>({ name, help, labelNames, registers: [registry] });
  const histogram = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Histogram<L>({ name, help, labelNames, buckets: SECONDS, registers: [registry] });
  collectDefaultMetrics({ register: registry, prefix: 'portal_process_' });
  return {
    registry,
    httpRequests: counter('portal_http_requests_total', 'HTTP requests answered, by route (its Next pattern), method and status', [
      'route',
      'method',
      'status',
    ]),
    httpSeconds: histogram('portal_http_request_duration_seconds', 'Time to answer an HTTP request, by route', ['route']),
    apiWaiting: gauge('portal_api_requests_waiting', "The merchant API's requests waiting at the front door for their turn into the app", []),
    providerCalls: histogram(
      'portal_provider_call_duration_seconds',
      'Provider HTTP attempts (each retry counts) and their latency, by provider and status (the HTTP status, or timeout / network)',
      ['provider', 'status'],
    ),
    limiterWaits: histogram('portal_limiter_wait_seconds', "Time a call waited for its rate limiter's slot (Fenerum's), by provider and lane", [
      'provider',
      'lane',
    ]),
    limiterRefusals: counter(
      'portal_limiter_refusals_total',
      'Calls the rate limiter refused (over budget) or whose caller left while waiting, by provider and lane',
      ['provider', 'lane', 'reason'],
    ),
    registrationAttempts: counter('portal_registration_attempts_total', 'Attempts to register a card with Fenerum, by outcome', ['outcome']),
    callbacks: counter('portal_callbacks_received_total', 'Provider callbacks and webhooks received, by provider and outcome', ['provider', 'outcome']),
    queueDepth: gauge('portal_registration_queue', 'Card registrations by status (read from the database at scrape time)', ['status']),
    queueOldest: gauge('portal_registration_queue_oldest_age_seconds', 'Age of the oldest registration not yet registered or failed, by status (0: none)', [
      'status',
    ]),
    refunds: gauge('portal_refunds', 'FarPay refunds by state (read from the database at scrape time)', ['state']),
    emails: gauge('portal_emails', 'Customer emails in the outbox by state (read from the database at scrape time)', ['state']),
  };
}

export type PortalMetrics = ReturnType<typeof build>;

export function metrics(): PortalMetrics {
  return processSingleton('metrics', build);
}
