import { describe, expect, it } from 'vitest';
import { parseEnteredAmount, toDecimal, toMinor } from './money';

describe('FarPay money', () => {
  it('reads decimals as øre without floating point', () => {
    expect(toMinor('123.45')).toBe(12345);
    expect(toMinor(125.5)).toBe(12550);
    expect(toMinor(0.1 + 0.2 === 0.3 ? 0 : 0.3)).toBe(30);
    expect(toMinor(-50)).toBe(-5000);
    expect(toMinor('19,99')).toBe(1999);
    expect(toMinor(1234567.89)).toBe(123456789);
    expect(toMinor('1.005')).toBeNull();
    expect(toMinor('abc')).toBeNull();
    expect(toMinor(Number.NaN)).toBeNull();
    // Numbers read without their text agree with the text's reading, to the edge.
    for (const n of [0, -0, 0.01, 0.1, 0.29, 1.005, 12.345, 125.5, -75.51, 99_999_999_999.99, 1e12 + 0.01, 0.1 + 0.2, 1e13, 5e-324])
      expect(toMinor(n), String(n)).toBe(toMinor(String(n)));
  });
  it('writes øre as FarPay decimals', () => {
    expect(toDecimal(5010)).toBe('50.10');
    expect(toDecimal(-7)).toBe('-0.07');
    expect(toDecimal(0)).toBe('0.00');
    expect(() => toDecimal(1.5)).toThrow();
  });
  it('takes what a person types: positive, at most 2 decimals', () => {
    expect(parseEnteredAmount('50')).toBe(5000);
    expect(parseEnteredAmount(' 50,5 ')).toBe(5050);
    expect(parseEnteredAmount('0.01')).toBe(1);
    for (const bad of ['0', '0.00', '-1', '1.005', '1e3', '', '1.234,50', '12345678901']) expect(parseEnteredAmount(bad), bad).toBeNull();
  });
});
