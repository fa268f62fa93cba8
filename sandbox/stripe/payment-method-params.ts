import { luhnValid } from '../luhn';
import type { ApiContext } from './api-routes';
import { cardError, invalidRequest, missingParam, noSuch, paramError } from './errors';
import { parseBillingDetails } from './details';
import { ibanValid } from './iban';
import { applyMetadata, type Params } from './params';
import { buildCardPaymentMethod, buildSepaPaymentMethod } from './payment-method-store';
import type { PaymentMethodRecord } from './records';
import { TEST_TOKENS } from './test-cards';

/** Every payment method type Stripe's create call names (only card and sepa_debit work here). */
const ALL_TYPES = [
  'acss_debit',
  'affirm',
  'afterpay_clearpay',
  'alipay',
  'alma',
  'amazon_pay',
  'au_becs_debit',
  'bacs_debit',
  'bancontact',
  'billie',
  'bizum',
  'blik',
  'boleto',
  'card',
  'cashapp',
  'crypto',
  'custom',
  'customer_balance',
  'eps',
  'fpx',
  'giropay',
  'grabpay',
  'ideal',
  'interac_present',
  'kakao_pay',
  'klarna',
  'konbini',
  'kr_card',
  'link',
  'mb_way',
  'mobilepay',
  'multibanco',
  'naver_pay',
  'nz_bank_account',
  'oxxo',
  'pay_by_bank',
  'payco',
  'paynow',
  'paypal',
  'paypay',
  'payto',
  'pix',
  'promptpay',
  'revolut_pay',
  'samsung_pay',
  'satispay',
  'scalapay',
  'sepa_debit',
  'sequra',
  'sofort',
  'sunbit',
  'swish',
  'twint',
  'upi',
  'us_bank_account',
  'wechat_pay',
  'zip',
];
export const PAYMENT_METHOD_DATA_PARAMS = [...ALL_TYPES, 'allow_redisplay', 'billing_details', 'metadata', 'radar_options', 'type'];
export const PAYMENT_METHOD_CREATE_PARAMS = [...PAYMENT_METHOD_DATA_PARAMS, 'customer', 'expand', 'payment_method'];
const SUPPORTED_TYPES = ['card', 'sepa_debit'] as const;

const RAW_CARD_MESSAGE =
  'Sending credit card numbers directly to the Stripe API is generally unsafe. We suggest you use test tokens that map to the test card you are using, see https://stripe.com/docs/testing. To enable testing raw card data APIs, see https://support.stripe.com/questions/enabling-access-to-raw-card-data-apis.';

/**
 * A new PaymentMethod from `POST /v1/payment_methods` or `payment_method_data`. Raw card
 * numbers come from Stripe.js (publishable key); server code uses test tokens (`card[token]`).
 */
export function paymentMethodFromParams(ctx: ApiContext, p: Params, prefix = ''): PaymentMethodRecord {
  const name = (k: string) => (prefix ? `${prefix}[${k}]` : k);
  const type = p.string('type');
  if (!type) throw missingParam(name('type'));
  if (!ALL_TYPES.includes(type)) throw paramError(`Invalid ${name('type')}: must be one of ${ALL_TYPES.join(', ')}`, name('type'));
  if (!(SUPPORTED_TYPES as readonly string[]).includes(type)) {
    throw invalidRequest(`The payment method type "${type}" is not available in the sandbox; it supports card and sepa_debit.`, {
      param: name('type'),
      code: 'payment_method_invalid_parameter',
    });
  }
  const billing = parseBillingDetails(p.object('billing_details'));
  const metadata = applyMetadata({}, p.metadata());
  let rec: PaymentMethodRecord;
  if (type === 'card') {
    const card = p.object('card');
    if (!card) throw missingParam(name('card'));
    rec = cardFromParams(ctx, card, name('card'), { billing, metadata });
  } else {
    const sepa = p.object('sepa_debit');
    const iban = sepa?.allowOnly(['iban']).string('iban');
    if (!iban) throw missingParam(name('sepa_debit[iban]'));
    if (!ibanValid(iban)) throw invalidRequest('The IBAN you entered is invalid.', { param: name('sepa_debit[iban]'), code: 'invalid_bank_account_iban' });
    if (!billing.name) throw missingParam(name('billing_details[name]'));
    if (!billing.email) throw missingParam(name('billing_details[email]'));
    rec = buildSepaPaymentMethod(iban, { billing, metadata });
  }
  const redisplay = p.enum('allow_redisplay', ['always', 'limited', 'unspecified'] as const);
  if (redisplay) rec.pm.allow_redisplay = redisplay;
  ctx.state.paymentMethods.set(rec.pm.id, rec);
  return rec;
}

function cardFromParams(
  ctx: ApiContext,
  card: Params,
  name: string,
  common: { billing: ReturnType<typeof parseBillingDetails>; metadata: Record<string, string> },
): PaymentMethodRecord {
  card.allowOnly(['cvc', 'exp_month', 'exp_year', 'number', 'token', 'networks']);
  const token = card.string('token');
  if (token) {
    const number = TEST_TOKENS[token];
    if (!number) throw noSuch('token', token, `${name}[token]`);
    return buildCardPaymentMethod(number, new Date().getMonth() + 1, new Date().getFullYear() + 1, common);
  }
  if (ctx.auth === 'secret') throw invalidRequest(RAW_CARD_MESSAGE, { param: `${name}[number]` });
  const number = (card.string('number') ?? '').replace(/[\s-]/g, '');
  if (!number) throw missingParam(`${name}[number]`);
  if (!luhnValid(number)) throw cardError({ code: 'incorrect_number', message: 'Your card number is incorrect.', param: `${name}[number]` }, {}, false);
  const month = card.int('exp_month');
  if (month === undefined) throw missingParam(`${name}[exp_month]`);
  const rawYear = card.int('exp_year');
  if (rawYear === undefined) throw missingParam(`${name}[exp_year]`);
  const year = rawYear < 100 ? 2000 + rawYear : rawYear;
  const now = new Date();
  if (month < 1 || month > 12)
    throw cardError({ code: 'invalid_expiry_month', message: "Your card's expiration month is invalid.", param: `${name}[exp_month]` }, {}, false);
  if (year < now.getFullYear() || year > now.getFullYear() + 50) {
    throw cardError({ code: 'invalid_expiry_year', message: "Your card's expiration year is invalid.", param: `${name}[exp_year]` }, {}, false);
  }
  if (year === now.getFullYear() && month < now.getMonth() + 1) {
    throw cardError({ code: 'invalid_expiry_month', message: "Your card's expiration month is invalid.", param: `${name}[exp_month]` }, {}, false);
  }
  const cvc = card.string('cvc');
  if (cvc !== undefined && !/^\d{3,4}$/.test(cvc))
    throw cardError({ code: 'invalid_cvc', message: "Your card's security code is invalid.", param: `${name}[cvc]` }, {}, false);
  return buildCardPaymentMethod(number, month, year, { ...common, cvc: cvc !== undefined });
}
