import type { z } from 'zod';
import { refused } from '@/lib/domain/outcomes';
import { unstorableIn } from '@/lib/domain/storable';
import { env } from '@/lib/env';
import { clientAddress } from './client-ip';
import { RefusalError } from './errors';

const DEFAULT_MAX_BODY = 16 * 1024;

const tooLarge = (maxBytes: number) => new RefusalError(refused('too-large', 'bodyTooLarge', { max: String(maxBytes) }));

/** Reads at most `maxBytes` of the body, refusing the rest (413) without buffering it. */
export async function readLimitedText(req: Request, maxBytes = DEFAULT_MAX_BODY): Promise<string> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Parses and validates a JSON body: 400 for malformed JSON, for a NUL or an unpaired surrogate
 * anywhere in it (no field can store one: lib/domain/storable.ts), and naming the field for a bad shape.
 */
export async function readJson<T extends z.ZodType>(req: Request, schema: T, maxBytes = DEFAULT_MAX_BODY): Promise<z.infer<T>> {
  const text = await readLimitedText(req, maxBytes);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new RefusalError(refused('invalid-input', 'malformedJson'));
  }
  const unstorable = unstorableIn(data);
  if (unstorable) throw new RefusalError(refused('invalid-input', unstorable === 'nul' ? 'invalidBodyNul' : 'invalidBodyLoneSurrogate'));
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new RefusalError(refused('invalid-input', 'invalidBody', { detail: `${where}${issue?.message ?? 'invalid'}` }));
  }
  return parsed.data;
}

/** The client's address as TRUST_PROXY_HOPS says to read it (lib/server/client-ip.ts), or null. */
export function clientIp(req: Request): string | null {
  return clientAddress(req.headers.get('x-forwarded-for'), env().trustProxyHops);
}
