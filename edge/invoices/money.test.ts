import { describe, expect, it } from 'vitest';
import { formatMoney, minorDigits, toDecimal } from './money.ts';

describe('money', () => {
  it('knows the minor digits of a currency', () => {
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('eur')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
  });

  it('turns minor units into an exact decimal string', () => {
    expect(toDecimal(123456, 2)).toBe('1234.56');
    expect(toDecimal(5, 2)).toBe('0.05');
    expect(toDecimal(-5, 2)).toBe('-0.05');
    expect(toDecimal(0, 0)).toBe('0');
    expect(toDecimal(1234, 3)).toBe('1.234');
    expect(() => toDecimal(1.5, 2)).toThrow(RangeError);
  });

  it('formats with the currency symbol and its digits', () => {
    expect(formatMoney(123456, 'USD')).toBe('$1,234.56');
    expect(formatMoney(4999, 'EUR')).toBe('€49.99');
    expect(formatMoney(123456, 'JPY')).toBe('¥123,456');
    expect(formatMoney(0, 'GBP')).toBe('£0.00');
    expect(formatMoney(-1050, 'USD')).toBe('-$10.50');
  });

  it('formats large amounts exactly, without float rounding', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'USD')).toBe('$90,071,992,547,409.91');
  });

  it('formats with the ISO code when asked', () => {
    expect(formatMoney(500, 'INR', 'code').replace(/\s/g, ' ')).toBe('INR 5.00');
  });
});
