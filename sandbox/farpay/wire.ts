import type { FpRecord } from './data';
import type { FarpaySettings } from './settings';

/** A record as FarPay's API spells it (`ErrorDesription` included), per the switches. */
export function wireRecord(r: FpRecord, s: FarpaySettings) {
  const iso = new Date(r.dateMs).toISOString();
  const sign =
    s.paymentSign === 'Payment/Refund' ? r.sign : s.paymentSign === 'Plus/Minus' ? (r.sign === 'Payment' ? 'Plus' : 'Minus') : r.sign === 'Payment' ? 1 : 2;
  return {
    InvoiceId: r.invoiceId,
    PaymentDate: s.paymentDate === 'date' ? iso.slice(0, 10) : `${iso.slice(0, 19)}Z`,
    ToBePaidAmount: r.toBePaidMinor / 100,
    PaidAmount: r.paidMinor / 100,
    PaymentType: r.type,
    PaymentStatus: r.sign === 'Refund' && s.refundStatus === 'Ok' ? 'Ok' : r.status,
    PaymentId: r.paymentId,
    RefundId: r.refundOf,
    PaymentSign: sign,
    PaymentInfo: r.info,
    ErrorDesription: r.error,
  };
}

/** An error body in the shape the switch names; `code` may carry a sub-code ("20050:460"). */
export function wireError(s: FarpaySettings, code: string | null, text: string) {
  const message = code ? `${code}::${text}` : text;
  if (s.errorBody === 'message') return { Message: message };
  if (s.errorBody === 'message-details') return { Message: message, CorrelationId: crypto.randomUUID(), Details: [text] };
  const numeric = code ? Number(code.split(':')[0]) : undefined;
  return numeric === undefined ? { error: text } : { error: code === '20040' ? message : text, errorCode: numeric };
}

/** Øre as FarPay's decimal ("50.1" for 5010 öre: the JSON number). */
export const decimal = (minor: number) => (minor / 100).toFixed(2);
