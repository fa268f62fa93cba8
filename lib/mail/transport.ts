import nodemailer from 'nodemailer';

type OutgoingMail = {
  /** The outbox row's id: the Message-ID is made from it, so a resend after a crash carries the same one. */
  id: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
};

export type MailTransport = {
  send(mail: OutgoingMail): Promise<{ messageId: string | null }>;
  close(): void;
};

/** The host part of our Message-IDs. */
const ID_DOMAIN = 'card-portal.mail';

/**
 * SMTP through nodemailer (`smtp://user:pass@host:587`, or `smtps://` for TLS from the start).
 * Short timeouts: a server that does not answer is tried again later by the outbox, not waited on.
 */
export function createSmtpTransport(smtpUrl: string): MailTransport {
  const url = new URL(smtpUrl);
  const transporter = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      const info = await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        messageId: `<${mail.id}@${ID_DOMAIN}>`,
      });
      return { messageId: typeof info.messageId === 'string' ? info.messageId : null };
    },
    close: () => transporter.close(),
  };
}
