import { describe, expect, it } from 'vitest';
import { hasAcceptedBodyType, isOwnNavigation, isSameOrigin, linkOpenedBy } from './request-origin';

const appUrl = 'https://portal.example.com';
const req = (headers: Record<string, string>) => new Request(`${appUrl}/x`, { method: 'POST', headers });

describe('linkOpenedBy', () => {
  it('counts the visitor’s own navigation (none) and our own pages (same-origin)', () => {
    expect(linkOpenedBy(req({ 'sec-fetch-site': 'none' }))).toBe('visitor');
    expect(linkOpenedBy(req({ 'sec-fetch-site': 'same-origin' }))).toBe('visitor');
  });
  it('counts another site, another port of this host, and a client without Fetch Metadata (a mail scanner) as elsewhere', () => {
    expect(linkOpenedBy(req({ 'sec-fetch-site': 'cross-site' }))).toBe('elsewhere');
    expect(linkOpenedBy(req({ 'sec-fetch-site': 'same-site' }))).toBe('elsewhere');
    expect(linkOpenedBy(req({}))).toBe('elsewhere');
  });
});

describe('isSameOrigin', () => {
  it('trusts the browser’s Sec-Fetch-Site when it is sent, whatever the Origin says', () => {
    expect(isSameOrigin(req({ 'sec-fetch-site': 'same-origin', origin: 'null' }), appUrl)).toBe(true);
    expect(isSameOrigin(req({ 'sec-fetch-site': 'same-site', origin: appUrl }), appUrl)).toBe(false);
    expect(isSameOrigin(req({ 'sec-fetch-site': 'cross-site' }), appUrl)).toBe(false);
    expect(isSameOrigin(req({ 'sec-fetch-site': 'none' }), appUrl)).toBe(false);
  });
  it('without Fetch Metadata, takes only an Origin equal to APP_URL’s', () => {
    expect(isSameOrigin(req({ origin: appUrl }), appUrl)).toBe(true);
    expect(isSameOrigin(req({ origin: 'https://portal.example.com:8443' }), appUrl)).toBe(false);
    expect(isSameOrigin(req({ origin: 'http://portal.example.com' }), appUrl)).toBe(false);
    expect(isSameOrigin(req({ origin: 'null' }), appUrl)).toBe(false);
    expect(isSameOrigin(req({}), appUrl)).toBe(false);
  });
});

describe('isOwnNavigation', () => {
  it('is a top-level navigation from our own pages only', () => {
    expect(isOwnNavigation(req({ 'sec-fetch-site': 'same-origin', 'sec-fetch-dest': 'document' }))).toBe(true);
    expect(isOwnNavigation(req({ 'sec-fetch-site': 'same-origin', 'sec-fetch-dest': 'image' }))).toBe(false);
    expect(isOwnNavigation(req({ 'sec-fetch-site': 'same-origin', 'sec-fetch-dest': 'iframe' }))).toBe(false);
    expect(isOwnNavigation(req({ 'sec-fetch-site': 'same-site', 'sec-fetch-dest': 'document' }))).toBe(false);
    expect(isOwnNavigation(req({ 'sec-fetch-site': 'none', 'sec-fetch-dest': 'document' }))).toBe(false);
    expect(isOwnNavigation(req({}))).toBe(false);
  });
});

describe('hasAcceptedBodyType', () => {
  it('a route that reads a body takes JSON only, parameters and case aside', () => {
    expect(hasAcceptedBodyType(req({ 'content-type': 'application/json' }), true)).toBe(true);
    expect(hasAcceptedBodyType(req({ 'content-type': 'Application/JSON; charset=utf-8' }), true)).toBe(true);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json-seq'])
      expect(hasAcceptedBodyType(req({ 'content-type': type }), true), type).toBe(false);
    expect(hasAcceptedBodyType(req({}), true)).toBe(false);
  });
  it('a route that reads no body takes none declared, or JSON, and refuses the types a cross-site form sends', () => {
    expect(hasAcceptedBodyType(req({}), false)).toBe(true);
    expect(hasAcceptedBodyType(req({ 'content-type': 'application/json' }), false)).toBe(true);
    expect(hasAcceptedBodyType(req({ 'content-type': 'text/plain' }), false)).toBe(false);
    expect(hasAcceptedBodyType(req({ 'content-type': 'application/x-www-form-urlencoded' }), false)).toBe(false);
  });
});
