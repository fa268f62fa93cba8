import type { Db } from '@/lib/db/connect';
import { callbackStored, type CallbackOutcome, type CallbackReceiver } from '@/lib/domain/callbacks';
import { refused } from '@/lib/domain/outcomes';
import { hasUnstorableText, toStorable } from '@/lib/domain/storable';
import { basicAuthMatches } from './basic-auth';
import { webhookBody } from './parse';
import { storeWebhook } from './receive';
import { log } from '@/lib/log';

const SHAPE = 'Send JSON: {"event": "<name>", "data": {…}}';

export type FenerumWebhookDeps = {
  db: Db;
  username: string;
  password: string;
  /** Does the stored webhook's work after the answer (the composition root: handle.ts on the background connection). */
  handleLater: (key: string) => void;
};

/**
 * Fenerum's webhook as the composition root binds it: HTTP Basic auth (constant time) before
 * anything is read into the database; the body stored under a stable key (a repeat is
 * recognised), answered at once, the work done after the answer. Events we do not act on are
 * stored and acknowledged. Text the database cannot store (a NUL, an unpaired surrogate:
 * lib/domain/storable.ts) is stored with U+FFFD in its place and logged, and acknowledged like any
 * webhook: Fenerum sent it (the credentials say so), and anything but a 2xx would have it sent
 * again for ever.
 */
export function fenerumWebhooks(deps: FenerumWebhookDeps): CallbackReceiver<true> {
  return {
    verify: (_raw, headers) => (basicAuthMatches(headers.get('authorization'), deps.username, deps.password) ? true : refused('unauthenticated')),
    receive: (_verified, raw) => receiveFenerumWebhook(deps, raw),
  };
}

/** An authenticated webhook's body: read, stored, and its work handed on when it needs any. */
async function receiveFenerumWebhook(deps: Pick<FenerumWebhookDeps, 'db' | 'handleLater'>, raw: string): Promise<CallbackOutcome> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return refused('invalid-input', 'fenerumNotJson', { shape: SHAPE });
  }
  const parsed = webhookBody.safeParse(json);
  if (!parsed.success) return refused('invalid-input', 'fenerumNotWebhook', { shape: SHAPE });
  const body = hasUnstorableText(parsed.data) ? toStorable(parsed.data) : parsed.data;
  if (body !== parsed.data) log.warn({ event: body.event }, 'fenerum webhook text stored with U+FFFD for a NUL or unpaired surrogate');
  const received = await storeWebhook(deps.db, body);
  if (received.needsWork) deps.handleLater(received.key);
  return callbackStored({ repeat: received.repeat });
}
