import type { Db } from '@/lib/db/connect';
import { statusOf } from './outbox';
import type { MerchantIdentity } from '@/lib/merchant/identity';
import { fromHeader } from './sender';
import { sendDueMail, type SendDeps } from './send';
import { createSmtpTransport, type MailTransport } from './transport';
import { startMailWorker, type MailWorker } from './worker';

/** The outbox's sending side, once per process (the composition root holds it). */
export type Mailer = {
  /** False when no SMTP server is configured (live keys without SMTP_URL): nothing is queued. */
  enabled: boolean;
  /** Whose emails these are: every customer email names the merchant and its support contact (lib/merchant). */
  merchant: MerchantIdentity;
  /** Something was queued: send it now (the worker's next look, or a pass after the response). */
  kick(): void;
  /** Sends one queued message now, while the caller waits (when it is still due); the worker retries it otherwise. */
  sendNow(id: string): Promise<void>;
  /** The outbox's worker: `stop` claims nothing more and awaits the send under way; `release` gives back what a send that outlived the shutdown's grace still holds. */
  startWorker(): { stop: () => Promise<void>; release: () => Promise<number> };
};

export type MailerOptions = {
  db: Db;
  smtpUrl: string | null;
  /** MAIL_FROM: its address is the sender's; the name on it is the merchant's. */
  from: string;
  merchant: MerchantIdentity;
  /** Runs work after the response (the composition root's background runner). */
  schedule: (name: string, task: () => Promise<unknown>) => void;
  /** For tests: another transport than SMTP. */
  transport?: MailTransport;
  retryDelayMs?: SendDeps['retryDelayMs'];
  idleMs?: number;
};

/** How long sendNow waits for a message another sender holds. */
const SEND_NOW_WAIT_MS = 10_000;

export function createMailer(opts: MailerOptions): Mailer {
  const transport = opts.transport ?? (opts.smtpUrl ? createSmtpTransport(opts.smtpUrl) : null);
  let worker: MailWorker | undefined;
  const from = fromHeader(opts.merchant.name, opts.from);
  const deps = (t: MailTransport): SendDeps => ({ db: opts.db, transport: t, from, retryDelayMs: opts.retryDelayMs });
  return {
    enabled: transport !== null,
    merchant: opts.merchant,
    kick() {
      if (!transport) return;
      if (worker) worker.wake();
      else opts.schedule('mail', () => sendDueMail(deps(transport)));
    },
    async sendNow(id) {
      if (!transport) return;
      if ((await sendDueMail(deps(transport), { id, limit: 1 })) > 0) return;
      // Another sender (this process's worker, woken by kick) holds it: wait for its outcome, briefly.
      for (let waited = 0; waited < SEND_NOW_WAIT_MS; waited += 100) {
        if ((await statusOf(opts.db, id)) !== 'sending') return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    startWorker() {
      if (!transport) return { stop: async () => undefined, release: async () => 0 };
      const started = startMailWorker(deps(transport), { idleMs: opts.idleMs });
      worker = started;
      return {
        stop: async () => {
          if (worker === started) worker = undefined;
          await started.stop();
        },
        release: () => started.release(),
      };
    },
  };
}
