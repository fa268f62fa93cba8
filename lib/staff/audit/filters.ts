import { z } from 'zod';
import { isStorableText } from '@/lib/domain/storable';

/** What the audit page and its CSV export show: every field optional, all from the URL. */
export type AuditFilters = {
  account?: string;
  actor?: string;
  action?: string;
  /** Days in Europe/Copenhagen, YYYY-MM-DD, both included. */
  from?: string;
  to?: string;
};
export type AuditPage = { before?: number; after?: number };
export type ParsedAuditQuery = { filters: AuditFilters; page: AuditPage; invalid: (keyof AuditFilters | 'page')[] };

const isoDay = z.iso.date();
const fields = {
  account: z.string().trim().min(1).max(64).refine(isStorableText),
  actor: z.string().trim().min(1).max(200).refine(isStorableText),
  action: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[\w.:-]+$/),
  from: isoDay,
  to: isoDay,
} satisfies Record<keyof AuditFilters, z.ZodType<string>>;
const seq = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

function read(params: SearchParams, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  const one = Array.isArray(value) ? value[0] : value;
  return one === undefined || one.trim() === '' ? undefined : one;
}

/**
 * Reads the filters and the page from a URL's query. A value that is not valid (too long, a
 * date that is not a day, an action with odd characters) is dropped and named in `invalid`, so
 * the page can say so instead of failing; nothing in the query reaches SQL unparsed.
 */
export function parseAuditQuery(params: SearchParams): ParsedAuditQuery {
  const filters: AuditFilters = {};
  const invalid: ParsedAuditQuery['invalid'] = [];
  for (const key of Object.keys(fields) as (keyof AuditFilters)[]) {
    const raw = read(params, key);
    if (raw === undefined) continue;
    const parsed = fields[key].safeParse(raw);
    if (parsed.success) filters[key] = parsed.data;
    else invalid.push(key);
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    invalid.push('to');
    delete filters.to;
  }
  const page: AuditPage = {};
  for (const key of ['before', 'after'] as const) {
    const raw = read(params, key);
    if (raw === undefined) continue;
    const parsed = seq.safeParse(raw);
    if (parsed.success) page[key] = parsed.data;
    else if (!invalid.includes('page')) invalid.push('page');
  }
  if (page.before && page.after) delete page.after;
  return { filters, page, invalid };
}

/** The query string of `filters` (and a page), for links and the CSV export; empty values left out. */
export function auditQueryString(filters: AuditFilters, page: AuditPage = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...page })) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
