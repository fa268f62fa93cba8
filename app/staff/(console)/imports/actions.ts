'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { isRefused, refused } from '@/lib/domain/outcomes';
import { staffAction, type ActionState } from '@/lib/server/staff';
import { reasonSentence, shownRow } from '@/lib/staff/imports/reason-words';
import { dryRunImport, startImport } from '@/lib/staff/imports/run';

/** A row the page lists as not importable: its line, cells and why. */
type ShownBadRow = { line: number; account: string; gateway: string; token: string; sentence: string };
export type ImportActionState = ActionState & { bad?: ShownBadRow[] };

// The file's size, text and shape are the use case's to refuse (with the line it stopped at); here only that a file came.
const input = z.object({
  file: z.instanceof(File, { message: 'Choose a CSV file.' }),
  mode: z.enum(['check', 'start']),
});

/**
 * The import page's one form: `check` runs the dry run (nothing written), `start` checks again and
 * queues the good rows (audited). Operators, as disabling a card and Fenerum retries are.
 */
export const importAction = staffAction<typeof input, ImportActionState>('operator', input, async ({ file, mode }, { user, ctx, ip }) => {
  if (file.size === 0 && !file.name) return refused('invalid-input', 'importNoFile');
  const [t, say] = await Promise.all([getTranslations('cardImport'), getTranslations('cardImport.reasons')]);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const deps = { db: ctx.db, fenerum: ctx.fenerum, stripe: ctx.stripe, quickpay: ctx.quickpay, quickpayTestMode: ctx.quickpayTestMode };
  const named = { name: file.name || 'upload.csv', bytes };
  if (mode === 'check') {
    const dry = await dryRunImport(deps, named);
    if (isRefused(dry)) return dry;
    const bad = dry.rows
      .map((r) => shownRow(say, r))
      .flatMap((r) => (r.ok ? [] : [{ line: r.line, account: r.account, gateway: r.gateway, token: r.token, sentence: r.sentence }]));
    return { ok: true, message: t('checked', { ok: String(dry.ok), total: String(dry.rows.length), bad: String(dry.bad) }), bad };
  }
  const started = await startImport(deps, named, { actor: user.email, ip });
  if (isRefused(started)) return started;
  revalidatePath('/staff/imports');
  const bad = started.rejected.map((r) => ({ ...r, sentence: reasonSentence(say, r as Parameters<typeof reasonSentence>[1]) }));
  return { ok: true, message: t('started', { queued: String(started.queued), known: String(started.known), rejected: String(started.rejected.length) }), bad };
});
