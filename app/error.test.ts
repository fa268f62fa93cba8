import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import da from '@/messages/da.json';
import en from '@/messages/en.json';
import ErrorPage from './error';
import { ErrorWordsProvider } from './error-words';

/** The error page as the root layout hands it its words (a language's `errors`). */
function render(messages: { errors: Record<string, string>; merchant: Record<string, string> }): string {
  const page = createElement(ErrorPage, { error: Object.assign(new Error('boom'), { digest: '12345' }), reset: () => {} });
  const { errorTitle = '', errorLead = '', retry = '', reference = '' } = messages.errors;
  const contact = (messages.merchant.contact ?? '').replace('{merchant}', 'Nordlys Fiber');
  const words = { errorTitle, errorLead, retry, reference, contact, supportEmail: 'kundeservice@nordlys-fiber.example' };
  return renderToStaticMarkup(createElement(ErrorWordsProvider, { words }, page));
}

describe('the error page (app/error.tsx)', () => {
  it('speaks the visitor’s language from the catalogue, with the digest and never the error’s text', () => {
    const danish = render(da);
    expect(danish).toContain(`<h1>${da.errors.errorTitle}</h1>`);
    expect(danish).toContain(da.errors.retry);
    expect(danish).toContain('12345');
    expect(danish).not.toContain(en.errors.errorLead);
    expect(danish).not.toContain('boom');
    expect(render(en)).toContain(`<h1>${en.errors.errorTitle}</h1>`);
    expect(danish).toContain('Kontakt Nordlys Fiber: <a href="mailto:kundeservice@nordlys-fiber.example">');
  });
});
