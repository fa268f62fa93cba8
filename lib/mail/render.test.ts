import { describe, expect, it } from 'vitest';
import { accountLocale } from './format';
import { renderMail } from './render';
import type { MailKind } from '@/lib/db/schema';
import type { MailContent } from './types';

const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');
const merchant = { name: 'Nordlys Fiber', accent: '#0f766e', support: { email: 'kundeservice@nordlys-fiber.example', phone: '+45 70 20 30 40' } };
const approval: MailContent = {
  kind: 'approval-needed',
  merchant,
  name: 'Nordlys ApS',
  link: 'http://localhost:3000/pay/abc.def',
  linkExpiresAt: new Date('2026-12-08T12:00:00Z'),
  amount: { minor: 49_900, currency: 'DKK' },
  card: { brand: 'Visa', last4: '4242', expMonth: 12, expYear: 2034 },
};
const expiring: MailContent = {
  kind: 'card-expiring',
  merchant,
  name: 'Havblik A/S',
  link: 'http://localhost:3000/pay/ghi.jkl',
  linkExpiresAt: new Date('2026-12-15T12:00:00Z'),
  card: { brand: 'Mastercard', last4: '5454', expMonth: 12, expYear: 2026 },
};

describe('customer email templates', () => {
  it('approval in English: subject, amount for the locale, card, a real button link, plain text', () => {
    const mail = renderMail(approval, 'en');
    expect(nbsp(mail.subject)).toBe('Please approve your payment of DKK 499.00');
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.html).toMatch(/<a href="http:\/\/localhost:3000\/pay\/abc\.def" style="[^"]+">Approve the payment<\/a>/);
    expect(nbsp(mail.html)).toContain('Nordlys Fiber tried to charge DKK 499.00 to your Visa card ending in 4242.');
    expect(nbsp(mail.text)).toContain('A payment of DKK 499.00 needs your approval');
    expect(mail.text).toContain('Approve the payment: http://localhost:3000/pay/abc.def');
    expect(mail.text).toContain('works until 8 December 2026');
    expect(mail.text).not.toMatch(/<[a-z]/i);
  });

  it('approval in Danish: Danish words and the Danish amount format', () => {
    const mail = renderMail(approval, 'da');
    expect(nbsp(mail.subject)).toBe('Godkend venligst din betaling på 499,00 kr.');
    expect(mail.html).toContain('<html lang="da">');
    expect(mail.html).toContain('>Godkend betalingen</a>');
    expect(nbsp(mail.text)).toContain('Nordlys Fiber har forsøgt at trække 499,00 kr. på dit Visa-kort, der slutter på 4242.');
    expect(mail.text).toContain('virker til 8. december 2026');
    expect(mail.text).toContain('Hej Nordlys ApS');
  });

  it('approval without a known card says "your card"', () => {
    expect(nbsp(renderMail({ ...approval, card: null }, 'en').text)).toContain('Nordlys Fiber tried to charge DKK 499.00 to your card.');
  });

  it('approval says what the payment is for when the PaymentIntent has a description, and nothing when it has none', () => {
    const mail = renderMail({ ...approval, description: 'Faktura 1042 <december>' }, 'en');
    expect(mail.text).toContain('The payment is for: Faktura 1042 <december>');
    expect(mail.html).toContain('The payment is for: Faktura 1042 &lt;december&gt;');
    expect(renderMail({ ...approval, description: 'Faktura 1042' }, 'da').text).toContain('Betalingen gælder: Faktura 1042');
    expect(renderMail(approval, 'en').text).not.toContain('The payment is for');
  });

  it('expiring card in both languages', () => {
    const en = renderMail(expiring, 'en');
    expect(en.subject).toBe('Your payment card expires this month');
    expect(en.text).toContain('Your Mastercard card ending in 5454 expires 12/26.');
    expect(en.html).toContain('>Add a new card</a>');
    const da = renderMail(expiring, 'da');
    expect(da.subject).toBe('Dit betalingskort udløber i denne måned');
    expect(da.text).toContain('Dit Mastercard-kort, der slutter på 5454, udløber 12/26.');
    expect(da.html).toContain('>Tilføj et nyt kort</a>');
  });

  it('escapes what comes from outside (the account name) in the HTML', () => {
    const mail = renderMail({ ...approval, name: '<script>alert(1)</script> & "Co"' }, 'en');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
  });

  it("picks the account's language: Danish for da and Norwegian, English otherwise", () => {
    expect(accountLocale('da')).toBe('da');
    expect(accountLocale('nb')).toBe('da');
    expect(accountLocale('en')).toBe('en');
    expect(accountLocale('sv')).toBe('en');
    expect(accountLocale(null)).toBe('en');
    expect(accountLocale('')).toBe('en');
  });

  describe('what staff send from the account page', () => {
    const link = 'http://localhost:3000/pay/abc.def';
    const base = {
      name: 'Nordlys ApS',
      link,
      linkExpiresAt: new Date('2026-12-13T12:00:00Z'),
      merchant: { name: 'Havblik Billing', accent: null, support: { email: 'hjaelp@havblik.test', phone: null } },
    };
    it('a customer link names the merchant in the subject, the body and the signature', () => {
      const mail = renderMail({ ...base, kind: 'customer-link' }, 'en');
      expect(mail.subject).toBe('Your link to add or update your payment card');
      expect(mail.text).toContain('Havblik Billing has sent you a personal link to your card portal');
      expect(mail.text).toContain('Open your card portal: http://localhost:3000/pay/abc.def');
      expect(mail.text).toContain('Kind regards, Havblik Billing');
      expect(mail.text).toContain('works until 13 December 2026');
    });
    it('"please add your card again" in Danish, naming the card', () => {
      const mail = renderMail({ ...base, kind: 'new-card', card: { brand: 'Visa', last4: '5556', expMonth: 1, expYear: 2030 } }, 'da');
      expect(mail.subject).toBe('Tilføj venligst dit betalingskort igen');
      expect(mail.html).toContain('<html lang="da">');
      expect(mail.text).toContain('dit Visa-kort, der slutter på 5556');
      expect(mail.html).toContain('>Tilføj dit kort</a>');
      expect(mail.text).toContain('Venlig hilsen Havblik Billing');
    });
    it('the legacy-card campaign says, in customer words, that the bank will ask to confirm the next payment and how to avoid it', () => {
      const card = { brand: 'Visa', last4: '5556', expMonth: 8, expYear: 2030 };
      const en = renderMail({ ...base, kind: 'campaign-legacy', card }, 'en');
      expect(en.subject).toBe('Please add your payment card again');
      expect(en.text).toContain('your bank will ask you to confirm the next payment. Add the card again');
      expect(en.text).toContain('Visa card ending in 5556 was saved with Havblik Billing');
      expect(en.text).toContain('Add your card again: http://localhost:3000/pay/abc.def');
      const da = renderMail({ ...base, kind: 'campaign-legacy', card, reminder: true }, 'da');
      expect(da.subject).toBe('Påmindelse: Tilføj venligst dit betalingskort igen');
      expect(da.text).toContain('vil din bank bede dig godkende den næste betaling');
      expect(da.text).not.toMatch(/gateway|3-D Secure|legacy/i);
    });
    it('the expiring-card campaign says the card ends next month, with its expiry', () => {
      const mail = renderMail({ ...base, kind: 'campaign-expiring', card: { brand: 'Mastercard', last4: '4444', expMonth: 1, expYear: 2027 } }, 'en');
      expect(mail.subject).toBe('Your payment card ends next month');
      expect(mail.text).toContain('Mastercard card ending in 4444 expires 01/27, at the end of next month');
    });
    it('a Self-Service link, whose lifetime Fenerum does not say: no date promised', () => {
      const mail = renderMail({ ...base, kind: 'self-service', link: 'https://app.fenerum.com/self-service/access/ab12', linkExpiresAt: null }, 'en');
      expect(mail.subject).toBe('Your link to Fenerum Self-Service');
      expect(mail.text).toContain('Open Self-Service: https://app.fenerum.com/self-service/access/ab12');
      expect(mail.text).toContain('The link is yours alone.');
      expect(mail.text).not.toContain('works until');
    });
  });

  describe('every kind names the merchant: body, signature, and a footer that says why and whom to ask', () => {
    const link = 'http://localhost:3000/pay/abc.def';
    const common = { merchant, name: 'Havblik A/S', link, linkExpiresAt: new Date('2026-12-13T12:00:00Z') };
    const card = { brand: 'Visa', last4: '4242', expMonth: 12, expYear: 2034 };
    // A Record of every kind: a new kind does not compile until it is rendered here too.
    const kinds: Record<MailKind, MailContent> = {
      'approval-needed': { ...common, kind: 'approval-needed', amount: { minor: 49_900, currency: 'DKK' }, card },
      'card-expiring': { ...common, kind: 'card-expiring', card },
      'customer-link': { ...common, kind: 'customer-link' },
      'self-service': { ...common, kind: 'self-service', linkExpiresAt: null },
      'new-card': { ...common, kind: 'new-card', card },
      'requested-link': { ...common, kind: 'requested-link' },
      'card-notice': { ...common, kind: 'card-notice', card, notice: { change: 'added', support: 'kundeservice@nordlys-fiber.example' } },
      'campaign-legacy': { ...common, kind: 'campaign-legacy', card },
      'campaign-expiring': { ...common, kind: 'campaign-expiring', card },
    };
    for (const [kind, content] of Object.entries(kinds)) {
      for (const locale of ['en', 'da'] as const) {
        it(`${kind} in ${locale}`, () => {
          const mail = renderMail(content, locale);
          for (const part of [mail.html, mail.text]) {
            expect(part).toContain('Nordlys Fiber');
            expect(part).toContain('kundeservice@nordlys-fiber.example');
            expect(part).toContain('+45 70 20 30 40');
            expect(part).toContain(
              locale === 'en' ? 'billing contact for Havblik A/S at Nordlys Fiber' : 'faktureringskontakt for Havblik A/S hos Nordlys Fiber',
            );
          }
          expect(mail.text).toContain(locale === 'en' ? 'Kind regards, Nordlys Fiber' : 'Venlig hilsen Nordlys Fiber');
          expect(mail.text).not.toMatch(/<[a-z]/i);
          expect(mail.html).toContain('background:#0f766e');
        });
      }
    }
    it('without a phone number the footer gives the email address alone', () => {
      const mail = renderMail({ ...kinds['customer-link'], merchant: { ...merchant, support: { email: 'a@b.example', phone: null } } }, 'en');
      expect(mail.text).toContain('Questions? Write to a@b.example.');
    });
  });

  describe('a link the customer asked for ("email me a new link")', () => {
    const base = {
      name: 'Nordlys ApS',
      link: 'http://localhost:3000/pay/abc.def',
      linkExpiresAt: new Date('2026-12-13T12:00:00Z'),
      merchant,
    };
    it('says the customer asked, and what to do if they did not, in English and Danish', () => {
      const en = renderMail({ ...base, kind: 'requested-link' }, 'en');
      expect(en.subject).toBe('Your new link to the card portal');
      expect(en.text).toContain('You asked for a new link to your card portal');
      expect(en.text).toContain('Open your card portal: http://localhost:3000/pay/abc.def');
      expect(en.text).toContain('If you did not ask for a new link, you can ignore this email');
      expect(en.text).toContain('Kind regards, Nordlys Fiber');
      const da = renderMail({ ...base, kind: 'requested-link' }, 'da');
      expect(da.subject).toBe('Dit nye link til kortportalen');
      expect(da.text).toContain('Har du ikke bedt om et nyt link');
      expect(da.html).toContain('>Åbn din kortportal</a>');
    });
  });
});
