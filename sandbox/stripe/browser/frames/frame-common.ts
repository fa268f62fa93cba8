/* Inside an element iframe (the emulator's origin). Talks to the page that created it by
   postMessage, validates what the customer types, and creates the PaymentMethod itself. The
   card rules are the emulator's own (test-cards.ts, luhn.ts, iban.ts), not copies. */
import { luhnValid } from '../../../luhn';
import { ibanValid } from '../../iban';
import { brandOf, type CardBrand } from '../../test-cards';
import { labelsFor, type Labels } from '../labels';
import { isEnvelope, type FrameConfig, type JsonObject, type PaymentMethodResult, type StripeJsError } from '../protocol';

export { brandOf, ibanValid, type CardBrand };

const query = new URLSearchParams(window.location.search);
const FRAME_ID = query.get('frameId') ?? '';
const PARENT_ORIGIN = query.get('origin') ?? '';
const KEY = query.get('key') ?? '';

/** A request from the page: its payload, with the id to answer to. */
export type Incoming = JsonObject & { requestId?: string };
type FrameHandler = (payload: Incoming) => void;
const handlers: Record<string, FrameHandler> = {};

export function post(type: string, payload: object = {}): void {
  window.parent.postMessage({ __stripeSandbox: true, frameId: FRAME_ID, type, payload }, PARENT_ORIGIN);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.source !== window.parent || event.origin !== PARENT_ORIGIN || !isEnvelope(event.data)) return;
  handlers[event.data.type]?.((event.data.payload ?? {}) as Incoming);
});

export const on = (type: string, handler: FrameHandler): void => {
  handlers[type] = handler;
};
export const reply = (request: Incoming, result: object): void => post('response', { requestId: request.requestId, result });

/** The words of the locale the page asked for (English until `init` says otherwise). */
let labels: Labels = labelsFor('en');
export const currentLabels = (): Labels => labels;
export function applyLocale(config: Pick<FrameConfig, 'locale'>): Labels {
  labels = labelsFor(config.locale);
  document.documentElement.lang = config.locale;
  return labels;
}

export const cardLength = (brand: CardBrand): number => (brand === 'amex' ? 15 : brand === 'diners' ? 14 : 16);
export const cvcLength = (brand: CardBrand): number => (brand === 'amex' ? 4 : 3);

export function formatNumber(digits: string, brand: CardBrand): string {
  const groups = brand === 'amex' ? [4, 6, 5] : [4, 4, 4, 4, 3];
  const out: string[] = [];
  let at = 0;
  for (const size of groups) {
    if (at >= digits.length) break;
    out.push(digits.slice(at, at + size));
    at += size;
  }
  return out.join(' ');
}

export function formatExpiry(raw: string): string {
  let d = raw.replace(/\D/g, '').slice(0, 4);
  if (d.length === 1 && Number(d) > 1) d = `0${d}`;
  return d.length > 2 ? `${d.slice(0, 2)} / ${d.slice(2)}` : d;
}

export const err = (code: string, message: string): StripeJsError => ({ type: 'validation_error', code, message });

/** Stripe's messages for the card fields; `final` also reports incomplete fields. */
export function numberError(digits: string, final: boolean): StripeJsError | null {
  if (!digits || digits.length < cardLength(brandOf(digits))) return final ? err('incomplete_number', 'Your card number is incomplete.') : null;
  return luhnValid(digits) ? null : err('invalid_number', 'Your card number is invalid.');
}

export function expiryError(value: string, final: boolean): StripeJsError | null {
  const d = value.replace(/\D/g, '');
  if (d.length < 4) return final ? err('incomplete_expiry', "Your card's expiration date is incomplete.") : null;
  const month = Number(d.slice(0, 2));
  const year = 2000 + Number(d.slice(2, 4));
  const now = new Date();
  if (month < 1 || month > 12) return err('invalid_expiry_month', "Your card's expiration date is invalid.");
  if (year < now.getFullYear()) return err('invalid_expiry_year_past', "Your card's expiration year is in the past.");
  if (year === now.getFullYear() && month < now.getMonth() + 1) return err('invalid_expiry_month_past', "Your card's expiration date is in the past.");
  if (year > now.getFullYear() + 50) return err('invalid_expiry_year', "Your card's expiration year is invalid.");
  return null;
}

export function cvcError(cvc: string, brand: CardBrand, final: boolean): StripeJsError | null {
  return cvc.length < cvcLength(brand) && final ? err('incomplete_cvc', "Your card's security code is incomplete.") : null;
}

function encodeForm(data: Record<string, unknown>, prefix = '', pairs: string[] = []): string {
  for (const [key, value] of Object.entries(data)) {
    const name = prefix ? `${prefix}[${key}]` : key;
    if (value === undefined || value === null) continue;
    if (typeof value === 'object') encodeForm(value as Record<string, unknown>, name, pairs);
    else pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  }
  return pairs.join('&');
}

/** POST /v1/payment_methods with the publishable key (same origin as this frame). */
export async function createPaymentMethod(params: Record<string, unknown>): Promise<PaymentMethodResult> {
  try {
    const body = encodeForm({ key: KEY, ...params });
    const res = await fetch('/v1/payment_methods', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
    const json = (await res.json()) as { error?: StripeJsError; id: string; type: string };
    return json.error ? { error: json.error } : { paymentMethod: json };
  } catch {
    return { error: { type: 'api_connection_error', message: 'An error occurred with our connection to Stripe.' } };
  }
}

export function applyAppearance(appearance: FrameConfig['appearance']): void {
  const vars = appearance && typeof appearance.variables === 'object' && appearance.variables !== null ? (appearance.variables as JsonObject) : {};
  for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(`--${k}`, String(v));
}

export function watchHeight(): void {
  let last = 0;
  const report = () => {
    const h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (h === last) return;
    last = h;
    post('resize', { height: h });
  };
  new ResizeObserver(report).observe(document.body);
  report();
}
