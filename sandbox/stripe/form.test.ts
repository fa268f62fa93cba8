import { describe, expect, it } from 'vitest';
import { decodeForm, encodeForm } from './form';
import { Params } from './params';

describe('Stripe form encoding', () => {
  it('decodes nested hashes, indexed arrays and [] arrays', () => {
    const raw = decodeForm(
      'metadata[account]=CUST1&payment_method_types[0]=card&payment_method_types[1]=sepa_debit&expand[]=customer&expand[]=latest_attempt&billing_details[address][city]=K%C3%B8benhavn&amount=1000',
    );
    const p = new Params(raw);
    expect(p.metadata()?.set).toEqual({ account: 'CUST1' });
    expect(p.strings('payment_method_types')).toEqual(['card', 'sepa_debit']);
    expect(p.strings('expand')).toEqual(['customer', 'latest_attempt']);
    expect(p.object('billing_details')?.object('address')?.string('city')).toBe('København');
    expect(p.int('amount')).toBe(1000);
  });

  it('orders indexed arrays by index, not by arrival', () => {
    expect(new Params(decodeForm('a[1]=y&a[0]=x')).strings('a')).toEqual(['x', 'y']);
  });

  it('treats an empty metadata value as unset and `metadata=` as clear', () => {
    expect(new Params(decodeForm('metadata[a]=&metadata[b]=2')).metadata()).toEqual({ set: { b: '2' }, unset: ['a'], clear: false });
    expect(new Params(decodeForm('metadata=')).metadata()?.clear).toBe(true);
  });

  it('rejects a value that is both a string and a hash, and bad integers and booleans', () => {
    expect(() => decodeForm('card=x&card[number]=4242')).toThrow(/Invalid hash/);
    expect(() => new Params(decodeForm('amount=12.5')).int('amount')).toThrow(/Invalid integer: 12.5/);
    expect(() => new Params(decodeForm('confirm=yes')).bool('confirm')).toThrow(/Invalid boolean: yes/);
  });

  it('round-trips through encodeForm', () => {
    const data = { metadata: { a: '1' }, types: ['card', 'sepa_debit'], nested: { x: { y: 'z' } } };
    const p = new Params(decodeForm(encodeForm(data)));
    expect(p.strings('types')).toEqual(data.types);
    expect(p.object('nested')?.object('x')?.string('y')).toBe('z');
  });
});
