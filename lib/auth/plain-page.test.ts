import { describe, expect, it } from 'vitest';
import { linkErrorPage, newLinkFormHtml, plainPage } from './plain-page';

describe('plainPage', () => {
  it('posts a form’s fields in the body to our own route, escaped, and sends no Referer', () => {
    const page = plainPage('Continue', 'Lead', 'en', [{ label: 'Go "on"', post: '/pay/open', fields: { token: 'a.b"><script>' } }]);
    expect(page).toContain('<form method="post" action="/pay/open"><input type="hidden" name="token" value="a.b&quot;&gt;&lt;script&gt;">');
    expect(page).not.toContain('<script>');
    expect(page).toContain('<meta name="referrer" content="no-referrer">');
    expect(page).toContain('>Go &quot;on&quot;</button>');
  });

  it('makes the first action the main button and the rest secondary links', () => {
    const page = plainPage('T', 'L', 'da', [
      { label: 'A', href: '/a' },
      { label: 'B', href: '/b' },
    ]);
    expect(page).toContain('<a class="button" href="/a">A</a><a class="button secondary" href="/b">B</a>');
    expect(page).toContain('<html lang="da">');
  });

  it('has no actions block without actions', () => {
    expect(plainPage('T', 'L', 'en')).not.toContain('class="actions"');
  });

  it("in the merchant's frame: its name (the logo's alt) in the header and the tab title, whom to ask under the lead, its terms and privacy links; all escaped", () => {
    const page = plainPage('Expired', 'Ask us for a new one.', 'en', [], {
      merchant: 'Havblik <A/S>',
      logoUrl: '/logo.svg',
      accent: '#0f766e',
      contact: 'Contact Havblik <A/S>:',
      or: 'or',
      email: 'hjaelp@havblik.dk',
      phone: '+45 33 12 34 56',
      links: [{ label: 'Terms', href: 'https://havblik.dk/vilkaar' }],
    });
    expect(page).toContain('<title>Expired · Havblik &lt;A/S&gt;</title>');
    expect(page).toContain('<img src="/logo.svg" alt="Havblik &lt;A/S&gt;" height="32">');
    expect(page).toContain(
      'Contact Havblik &lt;A/S&gt;: <a href="mailto:hjaelp@havblik.dk">hjaelp@havblik.dk</a> or <a href="tel:+4533123456">+45 33 12 34 56</a>',
    );
    expect(page).toContain('<footer><a href="https://havblik.dk/vilkaar">Terms</a></footer>');
    expect(page).toContain('background:#0f766e');
  });

  it('the "email me a new link" form: posts the signed value and the address to /pay/new-link, escaped; a refusal comes back beside the field', () => {
    const words = { heading: 'Email me a new link', intro: 'Type it', email: 'Your email address', send: 'Send' };
    const form = newLinkFormHtml('v"><b>', words);
    expect(form).toContain('<form method="post" action="/pay/new-link"><input type="hidden" name="ask" value="v&quot;&gt;&lt;b&gt;">');
    expect(form).toContain('<label for="new-link-email">Your email address</label>');
    expect(form).toContain('type="email" autocomplete="email"');
    expect(form).not.toContain('aria-invalid');
    const again = newLinkFormHtml('v', { ...words, error: 'Type an address', value: 'x"@y' });
    expect(again).toContain('value="x&quot;@y" aria-invalid="true" aria-describedby="new-link-error"');
    expect(again).toContain('<p class="error" id="new-link-error">Type an address</p>');
    expect(plainPage('T', '', 'en', [], undefined, form)).not.toContain('<p></p>');
  });

  it('a refused link points to the form below it when there is one, and to "ask us" when there is none', () => {
    const t = (key: string) => `[${key}]`;
    const form = newLinkFormHtml('signed', { heading: 'H', intro: 'I', email: 'E', send: 'S' });
    expect(linkErrorPage('expired', 'en', t, undefined, form)).toContain('[leadWithForm.expired]');
    expect(linkErrorPage('revoked', 'en', t, undefined, form)).toContain('[leadWithForm.revoked]');
    expect(linkErrorPage('expired', 'en', t)).toContain('[lead.expired]');
    expect(linkErrorPage('malformed', 'en', t, undefined, form)).toContain('[lead.invalid]');
  });
});
