import { refused } from '@/lib/domain/outcomes';
import { hasUnstorableText, toStorable } from '@/lib/domain/storable';
import { basicAuthMatches } from '@/lib/fenerum-webhooks/basic-auth';
import { handleWebhookEvent } from '@/lib/fenerum-webhooks/handle';
import { webhookBody } from '@/lib/fenerum-webhooks/parse';
import { storeWebhook } from '@/lib/fenerum-webhooks/receive';
import { providerCallback } from '@/lib/server/provider-callback';
import { ok } from '@/lib/server/reply';

const SHAPE = 'Send JSON: {"event": "<name>", "data": {…}}';

/**
 * Fenerum's webhook: HTTP Basic auth (constant time) before anything is read into the database;
 * the body stored under a stable key (a repeat is recognised), answered 200 at once, the work
 * done after the response (ctx.background). Events we do not act on are stored and answered 200.
 * Text the database cannot store (a NUL, an unpaired surrogate: lib/domain/storable.ts) is stored
 * with U+FFFD in its place and logged, and answered 200 like any webhook: Fenerum sent it (the
 * credentials say so), and anything but a 2xx would have it sent again for ever.
 */
export const POST = providerCallback(
  {
    maxBytes: 256 * 1024,
    verify: (_raw, headers, ctx) => {
      const { webhookUsername, webhookPassword } = ctx.env.fenerum;
      return basicAuthMatches(headers.get('authorization'), webhookUsername, webhookPassword) ? true : refused('unauthenticated');
    },
  },
  async ({ raw, ctx }) => {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return refused('invalid-input', 'fenerumNotJson', { shape: SHAPE });
    }
    const parsed = webhookBody.safeParse(json);
    if (!parsed.success) return refused('invalid-input', 'fenerumNotWebhook', { shape: SHAPE });
    const body = hasUnstorableText(parsed.data) ? toStorable(parsed.data) : parsed.data;
    if (body !== parsed.data)
      console.warn(JSON.stringify({ msg: 'fenerum webhook text stored with U+FFFD for a NUL or unpaired surrogate', event: body.event }));
    const received = await storeWebhook(ctx.db, body);
    if (received.needsWork) {
      const deps = { db: ctx.db, stripe: ctx.stripe, fenerum: ctx.fenerum, mail: ctx };
      ctx.background.run(`fenerum webhook ${received.key}`, () => handleWebhookEvent(deps, received.key));
    }
    return ok({ received: true, repeat: received.repeat });
  },
);
