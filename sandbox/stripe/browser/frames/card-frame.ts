/* The Card Element's iframe: number, expiry, CVC (and postal code unless hidePostalCode). */
import type { ChangePayload, FrameConfig, JsonObject, StripeJsError } from '../protocol';
import * as F from './frame-common';

type FieldName = 'number' | 'exp' | 'cvc' | 'postal';
const NAMES: FieldName[] = ['number', 'exp', 'cvc', 'postal'];

const root = document.getElementById('root') as HTMLElement;
let options: JsonObject = {};
const touched: Partial<Record<FieldName, boolean>> = {};

function input(name: string, className: string, autocomplete: string): HTMLInputElement {
  const el = document.createElement('input');
  el.name = name;
  el.className = className;
  el.autocomplete = autocomplete as AutoFill;
  el.inputMode = name === 'postal' ? 'text' : 'numeric';
  el.spellcheck = false;
  return el;
}

const brandTag = document.createElement('span');
brandTag.className = 'brand';
const fields: Record<FieldName, HTMLInputElement> = {
  number: input('cardnumber', 'number', 'cc-number'),
  exp: input('exp-date', 'exp', 'cc-exp'),
  cvc: input('cvc', 'cvc', 'cc-csc'),
  postal: input('postal', 'postal', 'billing postal-code'),
};
root.append(brandTag, fields.number, fields.exp, fields.cvc, fields.postal);

/** Placeholders and accessible names in the page's locale (the Card Element has no labels). */
function applyWords(): void {
  const t = F.currentLabels();
  const words: Record<FieldName, [string, string]> = {
    number: [t.cardNumber, t.cardNumberAria],
    exp: [t.expiryPlaceholder, t.expiryAria],
    cvc: [t.cvcPlaceholder, t.cvcAria],
    postal: [t.postalPlaceholder, t.postalPlaceholder],
  };
  for (const k of NAMES) {
    fields[k].placeholder = words[k][0];
    fields[k].setAttribute('aria-label', words[k][1]);
  }
}
applyWords();

const digits = () => fields.number.value.replace(/\D/g, '');
const brand = () => F.brandOf(digits());
const showPostal = () => !options.hidePostalCode;

function fieldErrors(final: boolean): Record<FieldName, StripeJsError | null> {
  return {
    number: F.numberError(digits(), final || !!touched.number),
    exp: F.expiryError(fields.exp.value, final || !!touched.exp),
    cvc: F.cvcError(fields.cvc.value, brand(), final || !!touched.cvc),
    postal: showPostal() && !fields.postal.value.trim() && (final || touched.postal) ? F.err('incomplete_zip', 'Your postal code is incomplete.') : null,
  };
}

const firstError = (errors: Record<FieldName, StripeJsError | null>) => errors.number ?? errors.exp ?? errors.cvc ?? errors.postal ?? null;

function state(): ChangePayload {
  const errors = fieldErrors(false);
  const payload: ChangePayload = {
    empty: !digits() && !fields.exp.value && !fields.cvc.value && !(showPostal() && fields.postal.value),
    complete: !firstError(fieldErrors(true)),
    brand: brand(),
    value: { postalCode: fields.postal.value },
  };
  const error = firstError(errors);
  if (error) payload.error = error;
  for (const k of NAMES) fields[k].classList.toggle('invalid', !!errors[k]);
  return payload;
}

const emitChange = () => F.post('change', state());

fields.number.addEventListener('input', () => {
  const d = digits().slice(0, F.cardLength(F.brandOf(digits())));
  fields.number.value = F.formatNumber(d, F.brandOf(d));
  brandTag.textContent = d ? brand() : '';
  if (d.length === F.cardLength(F.brandOf(d)) && !F.numberError(d, true)) fields.exp.focus();
  emitChange();
});
fields.exp.addEventListener('input', () => {
  fields.exp.value = F.formatExpiry(fields.exp.value);
  if (fields.exp.value.length === 7) fields.cvc.focus();
  emitChange();
});
fields.cvc.addEventListener('input', () => {
  fields.cvc.value = fields.cvc.value.replace(/\D/g, '').slice(0, F.cvcLength(brand()));
  emitChange();
});
fields.postal.addEventListener('input', emitChange);
for (const k of NAMES) {
  fields[k].addEventListener('focus', () => F.post('focus'));
  fields[k].addEventListener('blur', () => {
    if (fields[k].value) touched[k] = true;
    emitChange();
    setTimeout(() => {
      if (!root.contains(document.activeElement)) F.post('blur');
    });
  });
  fields[k].addEventListener('keydown', (e) => {
    if (e.key === 'Escape') F.post('escape');
  });
}

function applyOptions(next: unknown): void {
  Object.assign(options, next ?? {});
  fields.postal.hidden = !showPostal();
  for (const k of NAMES) fields[k].disabled = !!options.disabled;
  const value = options.value as JsonObject | undefined;
  if (value && typeof value.postalCode === 'string') fields.postal.value = value.postalCode;
}

function validate(): StripeJsError | null {
  for (const k of NAMES) touched[k] = true;
  const error = firstError(fieldErrors(true));
  emitChange();
  return error;
}

F.on('init', (payload) => {
  const config = payload as unknown as FrameConfig;
  options = {};
  applyOptions(config.elementOptions);
  F.applyLocale(config);
  applyWords();
  F.applyAppearance(config.appearance);
  F.watchHeight();
  F.post('ready');
});
F.on('config', (payload) => F.applyAppearance((payload as unknown as FrameConfig).appearance));
F.on('update', (p) => {
  applyOptions(p.options);
  emitChange();
});
F.on('focus', () => fields.number.focus());
F.on('blur', () => (document.activeElement as HTMLElement | null)?.blur());
F.on('clear', () => {
  for (const k of NAMES) {
    fields[k].value = '';
    touched[k] = false;
  }
  brandTag.textContent = '';
  emitChange();
});
F.on('collapse', () => undefined);
F.on('validate', (p) => {
  const error = validate();
  F.reply(p, error ? { error } : {});
});
F.on('create-payment-method', (p) => {
  const error = validate();
  if (error) return F.reply(p, { error });
  const exp = fields.exp.value.replace(/\D/g, '');
  const billing: Record<string, unknown> = { ...(p.billingDetails as JsonObject | null) };
  if (showPostal()) billing.address = { ...(billing.address as JsonObject | undefined), postal_code: fields.postal.value.trim() };
  void F.createPaymentMethod({
    type: 'card',
    card: { number: digits(), exp_month: Number(exp.slice(0, 2)), exp_year: 2000 + Number(exp.slice(2, 4)), cvc: fields.cvc.value },
    billing_details: billing,
  }).then((result) => F.reply(p, result));
});
F.post('loaded');
