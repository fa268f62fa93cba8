import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import da from '@/messages/da.json';
import en from '@/messages/en.json';
import { KNOWN_PAYMENT_STATUSES, KNOWN_PAYMENT_TYPES, knownPaymentStatus, knownPaymentType } from './payments';

describe("FarPay's payment types and statuses", () => {
  it('are known however FarPay cases them, and an undocumented one is not', () => {
    expect(knownPaymentType('DanKort')).toBe('Dankort');
    expect(knownPaymentType('bs')).toBe('BS');
    expect(knownPaymentType('Swish')).toBeNull();
    expect(knownPaymentStatus('OK')).toBe('Ok');
    expect(knownPaymentStatus('paymentrejected')).toBe('PaymentRejected');
    expect(knownPaymentStatus('Weird')).toBeNull();
  });

  it('each have words in both catalogues, as seeds/003 describes them', () => {
    for (const messages of [en, da]) {
      const t = createTranslator({ locale: messages === en ? 'en' : 'da', messages, namespace: 'farpay' });
      for (const type of KNOWN_PAYMENT_TYPES) expect(t.has(`types.${type}.name`) && t.has(`types.${type}.about`), type).toBe(true);
      for (const status of KNOWN_PAYMENT_STATUSES) expect(t.has(`statuses.${status}`), status).toBe(true);
    }
    expect(createTranslator({ locale: 'da', messages: da, namespace: 'farpay' })('types.BS.about')).toBe(
      'Betalingsservice (automatisk betaling for privatkunder)',
    );
    expect(createTranslator({ locale: 'en', messages: en, namespace: 'farpay' })('types.MPS.name')).toBe('MobilePay Subscriptions');
  });
});
