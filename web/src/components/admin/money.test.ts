import { describe, expect, it } from 'vitest';
import { bpsToPercent, minorDigits, percentToBps, toMinor, toUnits } from './money.ts';

describe('admin amounts', () => {
  it('reads amounts in the currency’s units as minor units, exactly', () => {
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(toMinor('12.50', 'USD')).toBe(1250);
    expect(toMinor('12.5', 'USD')).toBe(1250);
    expect(toMinor(' 1,234 ', 'USD')).toBe(123_400);
    expect(toMinor('0.29', 'USD')).toBe(29);
    expect(toMinor('58.31', 'EUR')).toBe(5831);
    expect(toMinor('1200', 'JPY')).toBe(1200);
    for (const bad of ['', '-1', '1.234', '1e3', 'abc', '12.5.0', '.5']) expect(toMinor(bad, 'USD'), bad).toBeNull();
    expect(toMinor('1.5', 'JPY')).toBeNull();
  });

  it('writes minor units back in the currency’s units', () => {
    expect(toUnits(1250, 'USD')).toBe('12.50');
    expect(toUnits(5, 'USD')).toBe('0.05');
    expect(toUnits(1200, 'JPY')).toBe('1200');
    expect(toMinor(toUnits(5831, 'GBP'), 'GBP')).toBe(5831);
  });

  it('reads percentages as basis points and back', () => {
    expect(percentToBps('10')).toBe(1000);
    expect(percentToBps('12.5')).toBe(1250);
    expect(percentToBps('0.05')).toBe(5);
    expect(percentToBps('100')).toBe(10_000);
    for (const bad of ['100.01', '101', '-5', '1.234', 'x', '']) expect(percentToBps(bad), bad).toBeNull();
    expect([bpsToPercent(1000), bpsToPercent(1250), bpsToPercent(5), bpsToPercent(1905)]).toEqual([
      '10',
      '12.5',
      '0.05',
      '19.05',
    ]);
  });
});
