import { z } from 'zod';
import { parseBody, sendHtml, sendJson, type Emulator } from '../http';
import { Router } from '../router';
import type { Mailbox } from './mailbox';

const PREFIX = '/__sandbox/mail';
const toFilter = z.object({ to: z.email().max(320).optional() });
const refuseInput = z.strictObject({ to: z.email().max(320), count: z.number().int().min(0).max(100) });

/**
 * The mailbox's controls, served beside the Fenerum emulator (its port; the SMTP port speaks
 * only SMTP): list (`?to=` one recipient's, so parallel tests read only their own), read one,
 * its HTML as a page, clear, and refuse a recipient for a while (451).
 */
function mailRoutes(mailbox: Mailbox): Router {
  const router = new Router((ctx, status) => sendJson(ctx.res, status, { detail: status === 404 ? 'No such mailbox control.' : 'Method not allowed.' }));
  router.get(PREFIX, (ctx) => {
    const q = toFilter.safeParse({ to: ctx.url.searchParams.get('to') ?? undefined });
    if (!q.success) return sendJson(ctx.res, 400, { detail: 'to must be an email address.' });
    const results = mailbox.list(q.data.to);
    sendJson(ctx.res, 200, { count: results.length, results });
  });
  router.post(`${PREFIX}/clear`, (ctx) => {
    const q = toFilter.safeParse(parseBody(ctx) ?? null);
    if (!q.success) return sendJson(ctx.res, 400, { detail: 'Send {to?} with an email address.' });
    sendJson(ctx.res, 200, { cleared: mailbox.clear(q.data.to) });
  });
  router.post(`${PREFIX}/refuse`, (ctx) => {
    const q = refuseInput.safeParse(parseBody(ctx) ?? null);
    if (!q.success) return sendJson(ctx.res, 400, { detail: 'Send {to, count}: the next count messages to that address are refused with 451.' });
    mailbox.refuse(q.data.to, q.data.count);
    sendJson(ctx.res, 200, q.data);
  });
  router.get(`${PREFIX}/:id`, (ctx) => {
    const mail = mailbox.get(ctx.params.id ?? '');
    if (!mail) return sendJson(ctx.res, 404, { detail: 'No such message.' });
    sendJson(ctx.res, 200, mail);
  });
  // The message's HTML as the recipient's mail program would show it (a sandbox page, for looking at it).
  router.get(`${PREFIX}/:id/html`, (ctx) => {
    const mail = mailbox.get(ctx.params.id ?? '');
    if (!mail?.html) return sendJson(ctx.res, 404, { detail: 'No such message, or it has no HTML.' });
    sendHtml(ctx.res, 200, mail.html, { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:" });
  });
  return router;
}

/** The emulator, with the mailbox's controls under /__sandbox/mail. */
export function withMailControls(emulator: Emulator, mailbox: Mailbox): Emulator {
  const routes = mailRoutes(mailbox);
  return {
    ...emulator,
    handle: (req, res, body) => {
      const path = new URL(req.url ?? '/', 'http://sandbox.local').pathname;
      if (path === PREFIX || path.startsWith(`${PREFIX}/`)) return routes.handle(req, res, body);
      return emulator.handle(req, res, body);
    },
  };
}
