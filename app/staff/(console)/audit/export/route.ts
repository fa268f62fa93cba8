import { exportAuditCsv } from '@/lib/staff/audit/export';
import { parseAuditQuery } from '@/lib/staff/audit/filters';
import { refused } from '@/lib/domain/outcomes';
import { linkOpenedBy } from '@/lib/server/request-origin';
import { staffRoute } from '@/lib/server/staff-route';

export const dynamic = 'force-dynamic';

/**
 * GET /staff/audit/export?<the page's filters>: the filtered audit rows as CSV (admins), streamed;
 * the export is audited. Only a person's own navigation (the page's link, or the address typed)
 * starts one, never an image or a link on another site.
 */
export const GET = staffRoute('admin', async (req, { user, ctx, ip }) => {
  if (linkOpenedBy(req) !== 'visitor') return refused('cross-site');
  const query = parseAuditQuery(new URL(req.url).searchParams);
  if (query.invalid.length) return refused('invalid-input', 'invalidFilters', { filters: query.invalid.join(', ') });
  const { filename, body } = await exportAuditCsv(ctx.db, query.filters, { actor: user.email, ip });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
});
