import { z } from 'zod';
import { refused } from '@/lib/domain/outcomes';
import { apiKeyRoute } from '@/lib/server/api-key-route';
import { ok } from '@/lib/server/reply';
import { importProgress } from '@/lib/staff/imports/run';

const importId = z.uuid();

/** An import's progress: `{rows, done, left, failed, secondsLeft}` (secondsLeft: at the rate so far; null before the first card or once done). */
export const GET = apiKeyRoute<undefined, { id: string }>({}, async ({ params, ctx }) => {
  if (!importId.safeParse(params.id).success) return refused('invalid-input', 'noSuchImport');
  const progress = await importProgress(ctx.db, params.id);
  if (!progress) return refused('not-found', 'noSuchImport');
  return ok({ ...progress, createdAt: progress.createdAt.toISOString() });
});
