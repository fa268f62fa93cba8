import { FIELD_ERRORS, ORDER_ID_PATTERN } from './config';
import type { Json } from './types';

/**
 * Request parameters for POST /subscriptions and PUT /subscriptions/{id}/link, JSON or form
 * (`variables[key]=value` nests as QuickPay's form encoding does). Errors per field, as QuickPay's
 * 400 `{"message":"Validation error","errors":{…},"error_code":null}` lists them.
 */
export type Params = Record<string, unknown>;
export type FieldErrors = Record<string, string[]>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Turns `{"variables[a]": "1"}` into `{variables: {a: "1"}}`; JSON objects pass through. */
export function toParams(body: unknown): Params | null {
  if (!isRecord(body)) return null;
  const out: Params = {};
  for (const [key, value] of Object.entries(body)) {
    const m = /^([^[\]]+)\[([^[\]]*)\]$/.exec(key);
    if (!m) {
      out[key] = value;
      continue;
    }
    const [, outer = '', inner = ''] = m;
    const bucket = isRecord(out[outer]) ? (out[outer] as Params) : {};
    bucket[inner] = value;
    out[outer] = bucket;
  }
  return out;
}

const add = (errors: FieldErrors, field: string, message: string) => (errors[field] ??= []).push(message);
const present = (v: unknown) => v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');
const text = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

const ISO_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export type CreateInput = {
  order_id: string;
  currency: string;
  description: string;
  variables: Record<string, Json>;
  text_on_statement: string | null;
};

/** Validates a create; `isTaken` says whether the order_id is used by this merchant already. */
export function parseCreate(p: Params, isTaken: (orderId: string) => boolean): { input: CreateInput } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const orderId = text(p.order_id);
  if (!present(p.order_id)) add(errors, 'order_id', FIELD_ERRORS.blank);
  else if (orderId === null || !ORDER_ID_PATTERN.test(orderId)) add(errors, 'order_id', FIELD_ERRORS.invalid);
  else if (isTaken(orderId)) add(errors, 'order_id', FIELD_ERRORS.taken);

  const currency = text(p.currency);
  if (!present(p.currency)) add(errors, 'currency', FIELD_ERRORS.blank);
  else if (currency === null || !/^[A-Za-z]{3}$/.test(currency)) add(errors, 'currency', FIELD_ERRORS.currency);
  else if (!ISO_CURRENCIES.has(currency.toUpperCase())) add(errors, 'currency', FIELD_ERRORS.invalid);

  const description = text(p.description);
  if (!present(p.description) || description === null) add(errors, 'description', FIELD_ERRORS.blank);

  if (p.variables !== undefined && !isRecord(p.variables)) add(errors, 'variables', FIELD_ERRORS.notHash);

  const statement = p.text_on_statement;
  if (statement !== undefined && statement !== null && typeof statement !== 'string') add(errors, 'text_on_statement', FIELD_ERRORS.invalid);
  else if (typeof statement === 'string' && statement.length > 22) add(errors, 'text_on_statement', FIELD_ERRORS.tooLong);

  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      order_id: orderId ?? '',
      currency: (currency ?? '').toUpperCase(),
      description: description ?? '',
      variables: isRecord(p.variables) ? (p.variables as Record<string, Json>) : {},
      text_on_statement: typeof statement === 'string' ? statement : null,
    },
  };
}

export type LinkInput = {
  amount: number;
  continue_url: string | null;
  cancel_url: string | null;
  callback_url: string | null;
  language: string;
  payment_methods: string | null;
  auto_capture: boolean | null;
  auto_fee: boolean | null;
};

const URL_FIELDS = ['continue_url', 'cancel_url', 'callback_url'] as const;
const isHttpUrl = (v: string) => {
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
};
const bool = (v: unknown): boolean | null | 'bad' =>
  v === undefined || v === null ? null : v === true || v === 'true' || v === '1' ? true : v === false || v === 'false' || v === '0' ? false : 'bad';

/** Validates a link: `amount` is required (minor units, an integer ≥ 0), URLs must be http(s). */
export function parseLink(p: Params): { input: LinkInput } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const rawAmount = typeof p.amount === 'string' && /^-?\d+(\.\d+)?$/.test(p.amount.trim()) ? Number(p.amount) : p.amount;
  if (!present(p.amount)) add(errors, 'amount', FIELD_ERRORS.blank);
  else if (typeof rawAmount !== 'number' || !Number.isFinite(rawAmount)) add(errors, 'amount', FIELD_ERRORS.notNumber);
  else if (!Number.isInteger(rawAmount)) add(errors, 'amount', FIELD_ERRORS.notInteger);
  else if (rawAmount < 0) add(errors, 'amount', FIELD_ERRORS.negative);

  const urls: Record<(typeof URL_FIELDS)[number], string | null> = { continue_url: null, cancel_url: null, callback_url: null };
  for (const field of URL_FIELDS) {
    const v = p[field];
    if (!present(v)) continue;
    if (typeof v !== 'string' || !isHttpUrl(v)) add(errors, field, FIELD_ERRORS.invalid);
    else urls[field] = v;
  }
  if (p.language !== undefined && typeof p.language !== 'string') add(errors, 'language', FIELD_ERRORS.invalid);
  if (p.payment_methods !== undefined && p.payment_methods !== null && typeof p.payment_methods !== 'string')
    add(errors, 'payment_methods', FIELD_ERRORS.invalid);
  const autoCapture = bool(p.auto_capture);
  if (autoCapture === 'bad') add(errors, 'auto_capture', FIELD_ERRORS.invalid);
  const autoFee = bool(p.auto_fee);
  if (autoFee === 'bad') add(errors, 'auto_fee', FIELD_ERRORS.invalid);

  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      amount: typeof rawAmount === 'number' ? rawAmount : 0,
      ...urls,
      // QuickPay: the link's language defaults to English (PROVIDERS.md).
      language: typeof p.language === 'string' && p.language ? p.language : 'en',
      payment_methods: typeof p.payment_methods === 'string' ? p.payment_methods : null,
      auto_capture: autoCapture === 'bad' ? null : autoCapture,
      auto_fee: autoFee === 'bad' ? null : autoFee,
    },
  };
}

export const validationError = (errors: FieldErrors) => ({ message: 'Validation error', errors, error_code: null });
