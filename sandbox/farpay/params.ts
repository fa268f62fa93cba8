import { PAYMENT_TYPES, YEAR_START_MS } from './data';
import type { Query } from './store';

/** GET /v2/payments's query, checked as seeds/003 documents it; a string is the 400's text. */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INT = /^\d{1,15}$/;

const dayMs = (d: string): number | null => {
  if (!DATE.test(d)) return null;
  const ms = Date.parse(`${d}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== d ? null : ms;
};

export function readQuery(params: URLSearchParams): Query | string {
  const names = ['paymentDateFrom', 'paymentDateTo', 'invoiceId', 'refundId', 'paymentReference', 'paymentType', 'pageSize', 'page'];
  for (const k of names) if (params.getAll(k).length > 1) return `${k} given more than once`;
  const get = (k: string) => params.get(k);
  const [from, to, invoice, refundId, reference, type, size, page] = [
    get('paymentDateFrom'),
    get('paymentDateTo'),
    get('invoiceId'),
    get('refundId'),
    get('paymentReference'),
    get('paymentType'),
    get('pageSize'),
    get('page'),
  ];
  const dated = from !== null || to !== null;
  const lookedUp = invoice !== null || refundId !== null || reference !== null;
  if (dated && lookedUp) return 'Use either paymentDateFrom/paymentDateTo or invoiceId/refundId/paymentReference, not both';
  const q: Query = { pageSize: 100, page: 0 };
  if (dated) {
    const fromMs = from === null ? YEAR_START_MS - 100 * 365 * 86_400_000 : dayMs(from);
    const toDay = to === null ? Date.now() + 86_400_000 * 365 : dayMs(to);
    if (fromMs === null) return 'paymentDateFrom must be a date (YYYY-MM-DD)';
    if (toDay === null) return 'paymentDateTo must be a date (YYYY-MM-DD)';
    if (toDay < fromMs) return 'paymentDateTo is before paymentDateFrom';
    q.range = { fromMs, toMs: toDay + 86_399_999 };
  }
  if (invoice !== null) {
    if (!INT.test(invoice)) return 'invoiceId must be a number';
    q.invoiceId = Number(invoice);
  }
  if (refundId !== null) {
    if (!INT.test(refundId)) return 'refundId must be a number';
    q.refundId = Number(refundId);
  }
  if (reference !== null) {
    if (reference === '' || reference.length > 100) return 'paymentReference must be 1 to 100 characters';
    q.reference = reference;
  }
  if (type !== null) {
    if (!(PAYMENT_TYPES as readonly string[]).includes(type)) return `Unknown paymentType: ${type.slice(0, 40)}`;
    q.type = type;
  }
  if (size !== null) {
    // No maximum is documented: the `pageSizeMax` and `pageCap` switches (api-routes.ts) try one.
    if (!INT.test(size) || Number(size) < 1) return 'pageSize must be a number from 1';
    q.pageSize = Number(size);
  }
  if (page !== null) {
    if (!INT.test(page) || Number(page) > 1_000_000) return 'page must be a number from 0';
    q.page = Number(page);
  }
  return q;
}

/**
 * The refund's Amount as øre, read from the raw JSON text so "50.10" and 50.1 are told apart
 * from 50.105 (more than 2 decimals is refused); null = omitted (a full refund).
 */
export function readAmount(raw: string, parsed: unknown): number | null | string {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'Send a JSON object: {"Amount": 50.00}';
  const value = (parsed as Record<string, unknown>).Amount;
  if (value === undefined || value === null) return null;
  const literal = /"Amount"\s*:\s*"?(-?\d+(?:\.\d*)?)"?\s*[,}]/.exec(raw)?.[1];
  if ((typeof value !== 'number' && typeof value !== 'string') || !literal) return 'Amount must be a decimal number, e.g. 50.00';
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(literal);
  if (!m) return 'Amount must be a positive decimal with at most 2 decimals';
  const minor = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(minor) || minor <= 0) return 'Amount must be more than 0';
  return minor;
}
