import { describe, expect, it } from 'vitest';
import { pageAt, pageOf } from './paging';

const cards = Array.from({ length: 250 }, (_, i) => i + 1);

describe('pageOf: a long list in pages', () => {
  it('250 items in pages of 50 are five pages; page 3 holds items 101–150', () => {
    const p = pageOf(cards, '3', 50);
    expect(p).toMatchObject({ page: 3, pages: 5, total: 250, size: 50 });
    expect(p.items[0]).toBe(101);
    expect(p.items.at(-1)).toBe(150);
  });

  it('the last page holds what is left', () => {
    expect(pageOf(cards.slice(0, 120), '3', 50).items).toEqual(cards.slice(100, 120));
  });

  it('no page, a malformed one or zero is the first page', () => {
    for (const asked of [undefined, '', 'two', '-1', '0', '1.5', '9999999', ['x']]) expect(pageOf(cards, asked, 50).page).toBe(1);
  });

  it('a page past the end is the last, never an empty list', () => {
    const p = pageOf(cards, '99', 50);
    expect(p.page).toBe(5);
    expect(p.items).toHaveLength(50);
  });

  it('an empty list is one empty page', () => {
    expect(pageOf([], '4', 50)).toEqual({ items: [], page: 1, pages: 1, total: 0, size: 50 });
  });

  it('the first of several values in the URL counts', () => {
    expect(pageOf(cards, ['2', '4'], 50).page).toBe(2);
  });
});

describe('pageAt: a list read a page at a time', () => {
  it('follows the rule of pageOf for a list of the same length', () => {
    for (const asked of [undefined, '0', '2', '5', '6', '99', 'x'])
      for (const n of [0, 1, 50, 51, 250]) {
        const { items: _items, ...whole } = pageOf(cards.slice(0, n), asked, 50);
        expect(pageAt(asked, n, 50)).toEqual(whole);
      }
  });
});
