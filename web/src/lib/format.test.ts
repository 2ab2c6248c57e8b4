import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDueDate, formatDuration, formatMoney, plural, sentence } from './format.ts';

describe('formatMoney', () => {
  it('formats minor units as dollars', () => {
    expect(formatMoney({ amount: 4900, currency: 'USD' })).toBe('$49.00');
    expect(formatMoney({ amount: 1999, currency: 'USD' })).toBe('$19.99');
    expect(formatMoney({ amount: 5, currency: 'USD' })).toBe('$0.05');
    expect(formatMoney({ amount: 1234567, currency: 'USD' })).toBe('$12,345.67');
  });

  it('says Free for zero', () => {
    expect(formatMoney({ amount: 0, currency: 'USD' })).toBe('Free');
    expect(formatMoney({ amount: 0, currency: 'EUR' })).toBe('Free');
  });

  it('uses the currency’s own minor digits', () => {
    expect(formatMoney({ amount: 4900, currency: 'EUR' })).toBe('€49.00');
    expect(formatMoney({ amount: 500, currency: 'JPY' })).toBe('¥500');
  });

  it('falls back for an unknown currency code', () => {
    expect(formatMoney({ amount: 4900, currency: 'NOPE' })).toBe('49.00 NOPE');
  });
});

describe('formatDuration', () => {
  it('formats minutes and hours', () => {
    expect(formatDuration(0)).toBe('0 min');
    expect(formatDuration(45)).toBe('45 min');
    expect(formatDuration(60)).toBe('1 h');
    expect(formatDuration(125)).toBe('2 h 5 min');
  });
});

describe('text helpers', () => {
  it('pluralises', () => {
    expect(plural(1, 'course', 'courses')).toBe('1 course');
    expect(plural(0, 'course', 'courses')).toBe('0 courses');
    expect(plural(1200, 'course', 'courses')).toBe('1,200 courses');
  });

  it('capitalises server messages', () => {
    expect(sentence('sign in first')).toBe('Sign in first');
    expect(sentence('')).toBe('');
  });
});

describe('formatting without Intl', () => {
  const samples = [1, 5, 99, 100, 999, 1000, 4900, 12345, 99999, 100000, 1234567, 100000000, 9007199254740991];

  it('groups integers as en-US does', () => {
    for (const n of [0, ...samples, ...samples.map((x) => -x)]) expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
    expect(formatCount(1.5)).toBe((1.5).toLocaleString('en-US'));
  });

  it('writes USD, EUR and GBP as Intl does', () => {
    for (const currency of ['USD', 'EUR', 'GBP']) {
      const intl = new Intl.NumberFormat('en-US', { style: 'currency', currency });
      for (const amount of samples.slice(0, -1))
        expect(formatMoney({ amount, currency })).toBe(intl.format(amount / 100));
    }
  });
});

describe('dates without Intl', () => {
  it('formats en-US medium days exactly as Intl does, local and UTC, for every month', () => {
    for (let m = 0; m < 12; m++) {
      for (const day of [1, 9, 28]) {
        const iso = new Date(Date.UTC(2026, m, day, 12)).toISOString();
        expect(formatDate(iso)).toBe(new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(new Date(iso)));
        expect(formatDueDate(iso)).toBe(
          new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso)),
        );
      }
    }
    expect(formatDate('2026-11-03T12:00:00Z', 'de-DE')).toBe('03.11.2026');
  });
});
