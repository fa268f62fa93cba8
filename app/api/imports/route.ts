import { z } from 'zod';
import { isRefused } from '@/lib/domain/outcomes';
import { apiKeyRoute } from '@/lib/server/api-key-route';
import { created, ok } from '@/lib/server/reply';
import { IMPORT_MAX_BYTES } from '@/lib/staff/imports/parse';
import { englishReasons as say, reasonSentence, shownRow } from '@/lib/staff/imports/reason-words';
import { dryRunImport, startImport } from '@/lib/staff/imports/run';

const body = z.object({
  fileName: z.string().trim().min(1).max(200),
  /** The file's bytes as base64 (a BOM, line endings and bytes that are not text arrive as they are). */
  content: z
    .string()
    .max(Math.ceil(IMPORT_MAX_BYTES / 3) * 4 + 4, `content must be at most ${IMPORT_MAX_BYTES} bytes (base64)`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'content must be base64'),
  dryRun: z.boolean().default(false),
  by: z.string().trim().max(200).optional(),
});

/**
 * `npm run import` (scripts/import.ts) sends its file here: `{fileName, content, dryRun}`. A dry run
 * answers every row's check (200); a real run starts the import (201, its id: GET
 * /api/imports/{id} follows it). A refused file is a 4xx naming its first bad line; nothing written.
 */
export const POST = apiKeyRoute({ body, maxBytes: Math.ceil(IMPORT_MAX_BYTES / 3) * 4 + 2_000 }, async ({ body, ctx, ip }) => {
  const file = { name: body.fileName, bytes: new Uint8Array(Buffer.from(body.content, 'base64')) };
  const deps = { db: ctx.db, fenerum: ctx.fenerum, stripe: ctx.stripe, quickpay: ctx.quickpay, quickpayTestMode: ctx.quickpayTestMode };
  if (body.dryRun) {
    const dry = await dryRunImport(deps, file);
    if (isRefused(dry)) return dry;
    return ok({ ok: dry.ok, bad: dry.bad, rows: dry.rows.map((r) => shownRow(say, r)) });
  }
  const started = await startImport(deps, file, { actor: body.by ? `api:${body.by}` : 'api', ip });
  if (isRefused(started)) return started;
  return created({
    id: started.importId,
    rows: started.rows,
    queued: started.queued,
    known: started.known,
    rejected: started.rejected.map((r) => ({ ...r, sentence: reasonSentence(say, r as Parameters<typeof reasonSentence>[1]) })),
  });
});
