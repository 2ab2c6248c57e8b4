import { describe, expect, it } from 'vitest';
import { describeRule, describeRules, formatPercent } from './rules-text.ts';

const r = (
  scope: 'bundle' | 'cart' | 'seats',
  minQuantity: number,
  percentBps: number,
  bundleId: string | null = null,
) => ({
  scope,
  minQuantity,
  percentBps,
  bundleId,
});

describe('rules in words', () => {
  it('formats percentages without trailing zeros', () => {
    expect(formatPercent(1000)).toBe('10%');
    expect(formatPercent(1250)).toBe('12.5%');
    expect(formatPercent(1205)).toBe('12.05%');
    expect(formatPercent(5)).toBe('0.05%');
    expect(formatPercent(10_000)).toBe('100%');
  });

  it('says one rule', () => {
    expect(describeRule(r('bundle', 2, 1000))).toBe('Buy 2, get 10% off');
    expect(describeRule(r('cart', 3, 1500))).toBe('Buy 3, get 15% off');
    expect(describeRule(r('seats', 10, 1500))).toBe('10+ seats: 15% off');
    expect(describeRule(r('bundle', 1, 500))).toBe('5% off');
  });

  it('joins tiers in quantity order', () => {
    expect(describeRules([r('bundle', 3, 2000), r('bundle', 2, 1000)])).toBe('Buy 2, get 10% off; 3 or more, 20% off');
    expect(describeRules([r('seats', 50, 2500), r('seats', 10, 1500)])).toBe('10+ seats: 15% off; 50+ seats: 25% off');
    expect(describeRules([])).toBe('');
  });

  it('leaves out tiers that can never win, since only the best single rule applies', () => {
    expect(describeRules([r('bundle', 2, 2000), r('bundle', 3, 1000), r('bundle', 2, 500)])).toBe('Buy 2, get 20% off');
    expect(describeRules([r('cart', 2, 1000), r('cart', 4, 1000), r('cart', 5, 3000)])).toBe(
      'Buy 2, get 10% off; 5 or more, 30% off',
    );
  });
});
