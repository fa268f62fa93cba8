import type { FpRecord } from './data';
import type { FarpaySettings } from './settings';
import { refundIdOf, type FarpayState } from './store';

const WEBHOOK_SPELLING: Record<string, string> = { Dankort: 'DanKort', MPS: 'MobilePaySubscriptions' };

/** The record's currency under the `currency` switch (null = none sent); `mixed` makes every fifth payment (and its refunds) EUR. */
export function currencyOf(r: FpRecord, s: FarpaySettings): string | null {
  if (s.currency === 'none') return null;
  if (s.currency === 'DKK') return 'DKK';
  return (r.refundOf ?? r.paymentId) % 5 === 0 ? 'EUR' : 'DKK';
}

/** A record as FarPay's API spells it (`ErrorDesription` included), per the switches. */
export function wireRecord(r: FpRecord, s: FarpaySettings, state: FarpayState) {
  const iso = new Date(r.dateMs).toISOString();
  const currency = currencyOf(r, s);
  const sign =
    s.paymentSign === 'Payment/Refund' ? r.sign : s.paymentSign === 'Plus/Minus' ? (r.sign === 'Payment' ? 'Plus' : 'Minus') : r.sign === 'Payment' ? 1 : 2;
  return {
    InvoiceId: r.invoiceId,
    PaymentDate: s.paymentDate === 'date' ? iso.slice(0, 10) : `${iso.slice(0, 19)}Z`,
    ToBePaidAmount: r.toBePaidMinor / 100,
    PaidAmount: r.paidMinor / 100,
    PaymentType: s.typeSpelling === 'webhook' ? (WEBHOOK_SPELLING[r.type] ?? r.type) : r.type,
    PaymentStatus: r.sign === 'Refund' && r.status === 'Paid' && s.refundStatus !== 'Paid' ? s.refundStatus : r.status,
    PaymentId: r.paymentId,
    RefundId: refundIdOf(state, r, s.refundIdPointsAt),
    PaymentSign: sign,
    PaymentInfo: r.info,
    ErrorDesription: r.error,
    ...(currency === null ? {} : { Currency: currency }),
  };
}

/** An error body in the shape the switch names; `code` may carry a sub-code ("20050:460"). */
export function wireError(s: FarpaySettings, code: string | null, text: string) {
  const message = code ? `${code}::${text}` : text;
  if (s.errorBody === 'message') return { Message: message };
  if (s.errorBody === 'message-details') {
    const fault = code ? code.split(':')[0] : 'Validation';
    return {
      Message: message,
      CorrelationId: crypto.randomUUID(),
      Details: [{ Code: fault, Message: text, Details: [{ Key: 'ErrorCode', Value: code ?? '' }] }],
    };
  }
  const numeric = code ? Number(code.split(':')[0]) : undefined;
  return numeric === undefined ? { error: text } : { error: code === '20040' ? message : text, errorCode: numeric };
}

/** Øre as FarPay's decimal ("50.1" for 5010 öre: the JSON number). */
export const decimal = (minor: number) => (minor / 100).toFixed(2);
