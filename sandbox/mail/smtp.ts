import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { linksOf, type Mailbox } from './mailbox';

/** A message up to this size is taken (SIZE extension); larger ones are refused. */
const MAX_SIZE = 2 * 1024 * 1024;

const addressOf = (a: AddressObject | AddressObject[] | undefined): string | null => {
  const first = Array.isArray(a) ? a[0] : a;
  return first?.text ?? null;
};

/**
 * A real SMTP server (smtp-server) on a local port: plain SMTP, no TLS and no login (the
 * sandbox's app sends with `smtp://127.0.0.1:<port>`). Each message is parsed (mailparser)
 * into the mailbox. A recipient the control marked is refused with 451 (try again later), as
 * a real server does when it cannot take mail just now.
 */
export function startSmtpServer(mailbox: Mailbox, port: number, host = '127.0.0.1'): Promise<{ port: number; close: () => Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_SIZE,
    logger: false,
    // No DNS here (the sandbox is offline): a reverse lookup of 127.0.0.1 would only wait.
    disableReverseLookup: true,
    banner: 'card portal sandbox',
    onRcptTo(address, _session, callback) {
      if (!mailbox.takeRefusal(address.address)) return callback();
      const err = Object.assign(new Error('Mailbox busy, try again later (sandbox)'), { responseCode: 451 });
      callback(err);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const html = typeof parsed.html === 'string' ? parsed.html : null;
          const text = parsed.text ?? '';
          const contentLanguage = parsed.headers.get('content-language');
          const htmlLang = html ? (/<html[^>]*\blang="([^"]+)"/i.exec(html)?.[1] ?? null) : null;
          mailbox.add({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: addressOf(parsed.from),
            subject: parsed.subject ?? '',
            messageId: parsed.messageId ?? null,
            text,
            html,
            links: linksOf(html, text),
            language: typeof contentLanguage === 'string' ? contentLanguage : htmlLang,
          });
          callback();
        })
        .catch((err: unknown) => callback(err instanceof Error ? err : new Error(String(err))));
    },
  });
  server.on('error', (err) => console.error('sandbox smtp', err));
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.server.once('error', onError);
    server.listen(port, host, () => {
      server.server.off('error', onError);
      const address = server.server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
