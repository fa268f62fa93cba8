import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpTransport } from '../../lib/mail/transport';
import { sendJson, serve, type Emulator, type RunningServer } from '../http';
import { withMailControls } from './control';
import { createMailbox } from './mailbox';
import { startSmtpServer } from './smtp';

/** The sandbox's SMTP server and its controls, on ports of their own, with a real SMTP client. */
const mailbox = createMailbox();
let smtp: { port: number; close: () => Promise<void> };
let http: RunningServer;
const other: Emulator = { name: 'other', handle: async (_req, res) => sendJson(res, 200, { other: true }) };

beforeAll(async () => {
  smtp = await startSmtpServer(mailbox, 0);
  http = await serve(withMailControls(other, mailbox), 0);
});
afterAll(async () => {
  await Promise.all([smtp.close(), http.close()]);
});

const send = (to: string, id = crypto.randomUUID()) =>
  createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`).send({
    id,
    from: 'Portal <portal@sandbox.invalid>',
    to,
    subject: 'Godkend din betaling',
    html: '<html lang="da"><body><a href="http://localhost:3000/pay/a.b">Godkend</a></body></html>',
    text: 'Godkend: http://localhost:3000/pay/a.b',
  });

describe('the sandbox SMTP server', () => {
  it('catches a message sent over SMTP, parsed: recipient, subject, language, links, Message-ID', async () => {
    const { messageId } = await send('kunde@example.com', 'row-1');
    expect(messageId).toBe('<row-1@card-portal.mail>');
    const res = await fetch(`${http.url}/__sandbox/mail?to=KUNDE@example.com`);
    const { results } = (await res.json()) as { results: Array<Record<string, unknown>> };
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      to: ['kunde@example.com'],
      subject: 'Godkend din betaling',
      language: 'da',
      links: ['http://localhost:3000/pay/a.b'],
      messageId: '<row-1@card-portal.mail>',
    });
    const page = await fetch(`${http.url}/__sandbox/mail/${String(results[0]?.id)}/html`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('>Godkend</a>');
  });

  it('refuses a marked recipient with 451 the asked number of times', async () => {
    const mark = await fetch(`${http.url}/__sandbox/mail/refuse`, { method: 'POST', body: JSON.stringify({ to: 'busy@example.com', count: 1 }) });
    expect(mark.status).toBe(200);
    await expect(send('busy@example.com')).rejects.toMatchObject({ responseCode: 451 });
    await send('busy@example.com');
    expect(mailbox.list('busy@example.com')).toHaveLength(1);
  });

  it('answers bad control input with 400 and an unknown message with 404; other paths reach the emulator', async () => {
    expect((await fetch(`${http.url}/__sandbox/mail?to=not-an-address`)).status).toBe(400);
    const post = (path: string, body: string) => fetch(`${http.url}/__sandbox/mail/${path}`, { method: 'POST', body });
    expect((await post('refuse', '{"to": "x@example.com"}')).status).toBe(400);
    expect((await post('refuse', '{"to": "x@example.com", "count": -1}')).status).toBe(400);
    expect((await post('refuse', 'not json')).status).toBe(400);
    expect((await post('clear', '{"to": 42}')).status).toBe(400);
    expect((await fetch(`${http.url}/__sandbox/mail/no-such-id`)).status).toBe(404);
    expect((await fetch(`${http.url}/__sandbox/mail/no-such-id/html`)).status).toBe(404);
    expect(await (await fetch(`${http.url}/__sandbox/mailbox-elsewhere`)).json()).toEqual({ other: true });
  });

  it('clears one recipient’s messages only', async () => {
    await send('a@example.com');
    await send('b@example.com');
    const res = await fetch(`${http.url}/__sandbox/mail/clear`, { method: 'POST', body: JSON.stringify({ to: 'a@example.com' }) });
    expect(await res.json()).toEqual({ cleared: 1 });
    expect(mailbox.list('a@example.com')).toHaveLength(0);
    expect(mailbox.list('b@example.com')).toHaveLength(1);
  });
});
