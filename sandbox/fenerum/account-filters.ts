import type { AccountRecord } from './state';

/**
 * The filters Fenerum documents on `GET /accounts/` (PROVIDERS.md): `code`,
 * `created_date__lte/__gte`, `last_modified_date__lte/__gte` (`YYYY-MM-DDTHH:MM:SSZ`),
 * `legal_country`, and `Fields` (a comma-separated list of the fields to return). `balance`,
 * `subscriptions_status` and `ordering` are documented too but name things the emulator does not
 * keep (balances, subscriptions) or values no document lists (orderings): they are ignored, as
 * django-filter ignores a parameter it has no filter for. Nothing undocumented is filtered.
 */
type DateField = 'created_date' | 'last_modified_date';
const DATE_FILTERS: ReadonlyArray<[string, DateField, 'gte' | 'lte']> = [
  ['created_date__gte', 'created_date', 'gte'],
  ['created_date__lte', 'created_date', 'lte'],
  ['last_modified_date__gte', 'last_modified_date', 'gte'],
  ['last_modified_date__lte', 'last_modified_date', 'lte'],
];

/** The documented date format, and the fractional seconds an ISO 8601 parser accepts beside it. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const INVALID_DATE = 'Enter a valid date/time.';

export type AccountFilterResult = { ok: true; accounts: AccountRecord[] } | { ok: false; errors: Record<string, string[]> };

/** The accounts the query's filters let through, oldest first; a malformed date is django-filter's per-field 400. */
export function filterAccounts(accounts: readonly AccountRecord[], params: URLSearchParams): AccountFilterResult {
  const errors: Record<string, string[]> = {};
  let kept = [...accounts];
  for (const [param, field, op] of DATE_FILTERS) {
    const raw = params.get(param);
    if (raw === null || raw === '') continue;
    const at = DATE_TIME.test(raw) ? Date.parse(raw) : NaN;
    if (!Number.isFinite(at)) {
      errors[param] = [INVALID_DATE];
      continue;
    }
    kept = kept.filter((a) => (op === 'gte' ? Date.parse(a[field]) >= at : Date.parse(a[field]) <= at));
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const code = params.get('code');
  if (code !== null && code !== '') kept = kept.filter((a) => a.code === code);
  const country = params.get('legal_country');
  if (country !== null && country !== '') kept = kept.filter((a) => a.legal_country === country);
  return { ok: true, accounts: kept.sort((a, b) => a.created_date.localeCompare(b.created_date) || a.uuid.localeCompare(b.uuid)) };
}

/** `Fields=uuid,code`: only those fields of each object (names it does not have are ignored); absent or empty, every field. */
export function sparseFields<T extends Record<string, unknown>>(params: URLSearchParams): (item: T) => Partial<T> {
  const raw = params.get('Fields');
  const wanted = raw
    ?.split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (!wanted || wanted.length === 0) return (item) => item;
  return (item) => Object.fromEntries(Object.entries(item).filter(([k]) => wanted.includes(k))) as Partial<T>;
}
