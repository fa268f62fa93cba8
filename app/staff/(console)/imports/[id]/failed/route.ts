import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { refused } from '@/lib/domain/outcomes';
import { linkOpenedBy } from '@/lib/server/request-origin';
import { staffRoute } from '@/lib/server/staff-route';
import { csvLine } from '@/lib/text/csv';
import { reasonSentence } from '@/lib/staff/imports/reason-words';
import { importFailedRows } from '@/lib/staff/imports/run';

export const dynamic = 'force-dynamic';

const importId = z.uuid();

/**
 * GET /staff/imports/{id}/failed: the import's failed rows with their reasons, as CSV (operators),
 * in the file's own columns plus `line` and `reason`, so the fixed rows can be imported again. Audited.
 */
export const GET = staffRoute('operator', async (req, { user, ctx, ip }) => {
  if (linkOpenedBy(req) !== 'visitor') return refused('cross-site');
  const id = new URL(req.url).pathname.split('/').at(-2) ?? '';
  if (!importId.safeParse(id).success) return refused('not-found', 'noSuchImport');
  const rows = await importFailedRows(ctx.db, id, { actor: user.email, ip });
  if (!rows) return refused('not-found', 'noSuchImport');
  const say = await getTranslations('cardImport.reasons');
  const body = `\uFEFF${csvLine(['account', 'gateway', 'token', 'line', 'reason'], 'as-needed')}${rows
    .map((r) => csvLine([r.account, r.gateway, r.token, r.line, reasonSentence(say, r)], 'as-needed'))
    .join('')}`;
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="import-${id.slice(0, 8)}-failed.csv"`,
      'Cache-Control': 'no-store',
    },
  });
});
