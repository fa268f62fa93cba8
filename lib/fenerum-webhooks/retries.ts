import { retryUnfinishedWebhooks } from './handle';
import type { WebhookDeps } from './types';
import { log } from '@/lib/log';

/** Every two minutes per process: webhooks whose handling failed or was cut short are tried again. `stop` starts no new run and ends the current one after the webhook under way (they hold no lease: any instance's next run takes the rest). */
export function startWebhookRetries(deps: WebhookDeps, intervalMs = 120_000): { stop: () => Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = retryUnfinishedWebhooks(deps, () => stopped)
        .catch((err: unknown) => log.error({ err }, 'Fenerum webhook retries failed'))
        .finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
