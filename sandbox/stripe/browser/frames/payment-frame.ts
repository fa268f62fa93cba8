/* The Payment Element's iframe: a Card tab and, when the intent allows it, SEPA Direct Debit
   (IBAN, name, email and the mandate text). Errors show under the fields, as Stripe's do. */
import type { Labels } from '../labels';
import type { FrameConfig, JsonObject, StripeJsError } from '../protocol';
import * as F from './frame-common';

type Key = 'number' | 'expiry' | 'cvc' | 'country' | 'postal' | 'name' | 'email' | 'iban';
type Field = { wrap: HTMLDivElement; label: HTMLLabelElement; input: HTMLInputElement | HTMLSelectElement; error: HTMLDivElement };
type PayType = 'card' | 'sepa_debit';

const root = document.getElementById('root') as HTMLElement;
const COUNTRIES: Array<[string, string]> = [
  ['AT', 'Austria'],
  ['BE', 'Belgium'],
  ['DK', 'Denmark'],
  ['FI', 'Finland'],
  ['FR', 'France'],
  ['DE', 'Germany'],
  ['IE', 'Ireland'],
  ['IT', 'Italy'],
  ['NL', 'Netherlands'],
  ['NO', 'Norway'],
  ['PL', 'Poland'],
  ['ES', 'Spain'],
  ['SE', 'Sweden'],
  ['CH', 'Switzerland'],
  ['GB', 'United Kingdom'],
  ['US', 'United States'],
];
const config: { paymentMethodTypes: string[]; elementOptions: JsonObject; appearance: FrameConfig['appearance'] } = {
  paymentMethodTypes: ['card'],
  elementOptions: {},
  appearance: null,
};
let selected: PayType = 'card';
const touched: Partial<Record<Key, boolean>> = {};
const f = {} as Record<Key, Field>;

/** Each field's label and placeholder in the page's locale. */
const WORDS: Record<Key, (t: Labels) => [string, string]> = {
  number: (t) => [t.cardNumber, t.cardNumberPlaceholder],
  expiry: (t) => [t.expiry, t.expiryPlaceholder],
  cvc: (t) => [t.securityCode, t.cvcPlaceholder],
  country: (t) => [t.country, ''],
  postal: (t) => [t.postalCode, '12345'],
  name: (t) => [t.fullName, t.fullNamePlaceholder],
  email: (t) => [t.email, ''],
  iban: (t) => [t.iban, 'DE00 0000 0000 0000 0000 00'],
};

function field(key: Key, attrs: Record<string, string> & { select?: string } = {}): HTMLDivElement {
  const wrap = document.createElement('div');
  wrap.className = 'field';
  const label = document.createElement('label');
  label.htmlFor = `f-${key}`;
  const input = document.createElement(attrs.select ? 'select' : 'input');
  input.id = `f-${key}`;
  input.name = key;
  for (const [k, v] of Object.entries(attrs)) if (k !== 'select') input.setAttribute(k, v);
  const error = document.createElement('div');
  error.className = 'error';
  error.setAttribute('role', 'alert');
  wrap.append(label, input, error);
  f[key] = { wrap, label, input, error };
  return wrap;
}

function row(...children: HTMLElement[]): HTMLDivElement {
  const r = document.createElement('div');
  r.className = 'row';
  r.append(...children);
  return r;
}

function applyWords(): void {
  const t = F.currentLabels();
  for (const key of Object.keys(WORDS) as Key[]) {
    const [label, placeholder] = WORDS[key](t);
    f[key].label.textContent = label;
    if (placeholder && f[key].input instanceof HTMLInputElement) (f[key].input as HTMLInputElement).placeholder = placeholder;
  }
}

const tabs = document.createElement('div');
tabs.className = 'tabs';
tabs.setAttribute('role', 'tablist');
const cardPanel = document.createElement('div');
const sepaPanel = document.createElement('div');
cardPanel.append(
  field('number', { autocomplete: 'cc-number', inputmode: 'numeric' }),
  row(field('expiry', { autocomplete: 'cc-exp', inputmode: 'numeric' }), field('cvc', { autocomplete: 'cc-csc', inputmode: 'numeric' })),
  row(field('country', { select: '1', autocomplete: 'billing country' }), field('postal', { autocomplete: 'billing postal-code' })),
);
for (const [code, name] of COUNTRIES) {
  const o = document.createElement('option');
  o.value = code;
  o.textContent = name;
  f.country.input.appendChild(o);
}
f.country.input.value = 'DK';
sepaPanel.append(field('name', { autocomplete: 'name' }), field('email', { autocomplete: 'email', type: 'email' }), field('iban', { autocomplete: 'off' }));
const mandate = document.createElement('p');
mandate.className = 'mandate';
sepaPanel.appendChild(mandate);
root.append(tabs, cardPanel, sepaPanel);
applyWords();

const val = (k: Key) => f[k].input.value.trim();
const digits = () => val('number').replace(/\D/g, '');
const iban = () => val('iban').replace(/\s+/g, '').toUpperCase();
const needsPostal = () => f.country.input.value === 'US';
function billingField(name: string): 'never' | 'auto' {
  const fieldsOption = config.elementOptions.fields as JsonObject | undefined;
  const b = fieldsOption?.billingDetails;
  return b === 'never' || (typeof b === 'object' && b !== null && (b as JsonObject)[name] === 'never') ? 'never' : 'auto';
}

function errorsFor(final: boolean): Partial<Record<Key, StripeJsError | null>> {
  const e: Partial<Record<Key, StripeJsError | null>> = {};
  const t = (k: Key) => final || !!touched[k];
  if (selected === 'card') {
    e.number = F.numberError(digits(), t('number'));
    e.expiry = F.expiryError(val('expiry'), t('expiry'));
    e.cvc = F.cvcError(val('cvc'), F.brandOf(digits()), t('cvc'));
    if (needsPostal() && !val('postal') && t('postal')) e.postal = F.err('incomplete_zip', 'Your ZIP is incomplete.');
    return e;
  }
  if (billingField('name') !== 'never' && !val('name') && t('name')) e.name = F.err('incomplete_name', 'Your full name is incomplete.');
  if (billingField('email') !== 'never' && t('email')) {
    if (!val('email')) e.email = F.err('incomplete_email', 'Your email address is incomplete.');
    else if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(val('email'))) e.email = F.err('invalid_email', 'Your email address is invalid.');
  }
  if (!iban() && t('iban')) e.iban = F.err('incomplete_iban', 'Your IBAN is incomplete.');
  else if (iban() && (t('iban') || iban().length >= 15) && !F.ibanValid(iban())) e.iban = F.err('invalid_iban', 'Your IBAN is invalid.');
  return e;
}

function render(final: boolean): StripeJsError | null {
  const errors = errorsFor(final);
  for (const k of Object.keys(f) as Key[]) {
    const error = errors[k];
    f[k].error.textContent = error?.message ?? '';
    f[k].wrap.classList.toggle('invalid', !!error);
  }
  const first = Object.values(errors).find((e) => !!e) ?? null;
  const complete = !Object.values(errorsFor(true)).some((e) => !!e);
  const empty = selected === 'card' ? !digits() && !val('expiry') && !val('cvc') : !iban() && !val('name') && !val('email');
  F.post('change', { empty, complete, collapsed: false, value: { type: selected } });
  return first;
}

function select(type: PayType): void {
  selected = type;
  cardPanel.hidden = type !== 'card';
  sepaPanel.hidden = type !== 'sepa_debit';
  for (const b of Array.from(tabs.children) as HTMLElement[]) b.setAttribute('aria-selected', String(b.dataset.type === type));
  f.postal.wrap.hidden = !needsPostal();
  render(false);
}

function renderTabs(): void {
  const t = F.currentLabels();
  tabs.innerHTML = '';
  let types = config.paymentMethodTypes.filter((x): x is PayType => x === 'card' || x === 'sepa_debit');
  if (types.length === 0) types = ['card'];
  for (const type of types) {
    const b = document.createElement('button');
    b.type = 'button';
    b.setAttribute('role', 'tab');
    b.className = 'tab';
    b.dataset.type = type;
    b.textContent = type === 'card' ? t.cardTab : t.sepaTab;
    b.addEventListener('click', () => select(type));
    tabs.appendChild(b);
  }
  tabs.hidden = types.length < 2;
  const business = (config.elementOptions.business as JsonObject | undefined)?.name ?? 'Sandbox Merchant';
  mandate.textContent = `By providing your payment information and confirming this payment, you authorise (A) ${String(business)} and Stripe, our payment service provider, to send instructions to your bank to debit your account and (B) your bank to debit your account in accordance with those instructions. As part of your rights, you are entitled to a refund from your bank under the terms and conditions of your agreement with your bank. A refund must be claimed within 8 weeks starting from the date on which your account was debited. Your rights are explained in a statement that you can obtain from your bank. You agree to receive notifications for future debits up to 2 days before they occur.`;
  f.name.wrap.hidden = billingField('name') === 'never';
  f.email.wrap.hidden = billingField('email') === 'never';
  select(types.includes(selected) ? selected : (types[0] ?? 'card'));
}

function applyConfig(next: Partial<FrameConfig>): void {
  if (next.paymentMethodTypes) config.paymentMethodTypes = next.paymentMethodTypes;
  if (next.elementOptions) config.elementOptions = next.elementOptions;
  if (next.appearance !== undefined) config.appearance = next.appearance;
  const defaults = ((config.elementOptions.defaultValues as JsonObject | undefined)?.billingDetails ?? {}) as JsonObject;
  if (typeof defaults.name === 'string' && !val('name')) f.name.input.value = defaults.name;
  if (typeof defaults.email === 'string' && !val('email')) f.email.input.value = defaults.email;
  const address = defaults.address as JsonObject | undefined;
  if (typeof address?.country === 'string') f.country.input.value = address.country;
  F.applyAppearance(config.appearance);
  renderTabs();
}

f.number.input.addEventListener('input', () => {
  const d = digits().slice(0, F.cardLength(F.brandOf(digits())));
  f.number.input.value = F.formatNumber(d, F.brandOf(d));
  render(false);
});
f.expiry.input.addEventListener('input', () => {
  f.expiry.input.value = F.formatExpiry(f.expiry.input.value);
  render(false);
});
f.cvc.input.addEventListener('input', () => {
  f.cvc.input.value = val('cvc')
    .replace(/\D/g, '')
    .slice(0, F.cvcLength(F.brandOf(digits())));
  render(false);
});
f.iban.input.addEventListener('input', () => {
  f.iban.input.value = iban().replace(/(.{4})(?=.)/g, '$1 ');
  render(false);
});
f.country.input.addEventListener('change', () => {
  f.postal.wrap.hidden = !needsPostal();
  render(false);
});
for (const k of ['name', 'email', 'postal'] as const) f[k].input.addEventListener('input', () => render(false));
for (const k of Object.keys(f) as Key[]) {
  f[k].input.addEventListener('focus', () => F.post('focus'));
  f[k].input.addEventListener('blur', () => {
    if (val(k)) touched[k] = true;
    render(false);
    F.post('blur');
  });
}

function validate(): StripeJsError | null {
  for (const k of Object.keys(f) as Key[]) touched[k] = true;
  return render(true);
}

function paymentMethodParams(given: JsonObject): Record<string, unknown> {
  if (selected === 'sepa_debit') {
    return {
      type: 'sepa_debit',
      sepa_debit: { iban: iban() },
      billing_details: { name: val('name') || undefined, email: val('email') || undefined, ...given },
    };
  }
  const exp = val('expiry').replace(/\D/g, '');
  const address = { country: f.country.input.value, ...(needsPostal() ? { postal_code: val('postal') } : {}), ...(given.address as JsonObject | undefined) };
  return {
    type: 'card',
    card: { number: digits(), exp_month: Number(exp.slice(0, 2)), exp_year: 2000 + Number(exp.slice(2, 4)), cvc: val('cvc') },
    billing_details: { ...given, address },
  };
}

F.on('init', (payload) => {
  const c = payload as unknown as FrameConfig;
  F.applyLocale(c);
  applyWords();
  applyConfig(c);
  F.watchHeight();
  F.post('ready', { value: { type: selected } });
});
F.on('config', (payload) => applyConfig(payload as unknown as FrameConfig));
F.on('update', (p) => {
  config.elementOptions = { ...config.elementOptions, ...(p.options as JsonObject) };
  renderTabs();
});
F.on('focus', () => (selected === 'card' ? f.number : f.name).input.focus());
F.on('blur', () => (document.activeElement as HTMLElement | null)?.blur());
F.on('clear', () => {
  for (const k of Object.keys(f) as Key[]) {
    if (k !== 'country') f[k].input.value = '';
    touched[k] = false;
  }
  render(false);
});
F.on('collapse', () => undefined);
F.on('validate', (p) => {
  const error = validate();
  F.reply(p, error ? { error } : {});
});
F.on('create-payment-method', (p) => {
  const error = validate();
  if (error) return F.reply(p, { error });
  void F.createPaymentMethod(paymentMethodParams((p.billingDetails ?? {}) as JsonObject)).then((result) => F.reply(p, result));
});
F.post('loaded');
