import { createMailer, type Mailer, type MailerOptions } from '@/lib/mail/mailer';
import { merchantIdentity } from '@/lib/merchant/identity';
import type { AppContext } from '@/lib/server/context';

/**
 * A mailer on the app's database and mail settings that queues but sends nothing by itself (no
 * kick is scheduled): the test decides when its mail goes out (a worker, `sendNow`, `sendDueMail`).
 */
export function quietMailer(ctx: Pick<AppContext, 'db' | 'env'>, opts: Partial<MailerOptions> = {}): Mailer {
  return createMailer({
    db: ctx.db,
    smtpUrl: ctx.env.mail.smtpUrl,
    from: ctx.env.mail.from,
    merchant: merchantIdentity(ctx.env),
    schedule: () => undefined,
    ...opts,
  });
}
