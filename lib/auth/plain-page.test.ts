import { describe, expect, it } from 'vitest';
import { plainPage } from './plain-page';

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
});
