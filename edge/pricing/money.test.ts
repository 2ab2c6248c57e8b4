import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, percentOf } from './money.ts';

describe('percentOf', () => {
  it('rounds half-up on the amount', () => {
    expect(percentOf(1999, 1000)).toBe(200); // 199.9
    expect(percentOf(1994, 1000)).toBe(199); // 199.4
    expect(percentOf(1995, 1000)).toBe(200); // 199.5 rounds up
    expect(percentOf(1250, 1900)).toBe(238); // 237.5
    expect(percentOf(1234, 1900)).toBe(234); // 234.46
    expect(percentOf(0, 1900)).toBe(0);
    expect(percentOf(12345, 10_000)).toBe(12345);
    expect(percentOf(12345, 0)).toBe(0);
  });

  it('stays exact beyond the range where amount * bps fits a double', () => {
    const big = 900_000_000_000_000; // 9e14 minor units
    expect(percentOf(big + 5, 1)).toBe(Number((BigInt(big + 5) * 1n + 5000n) / 10000n));
    expect(percentOf(Number.MAX_SAFE_INTEGER, 5000)).toBe(
      Number((BigInt(Number.MAX_SAFE_INTEGER) * 5000n + 5000n) / 10000n),
    );
  });

  it('matches the BigInt formula everywhere', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.integer({ min: 0, max: 10_000 }), (amount, bps) => {
        expect(percentOf(amount, bps)).toBe(Number((BigInt(amount) * BigInt(bps) + 5000n) / 10000n));
      }),
    );
  });
});

describe('allocate', () => {
  it('splits pro rata by largest remainder, ties to the lowest index', () => {
    expect(allocate(1000, [3333, 3333, 3334])).toEqual([333, 333, 334]);
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(10, [0, 5, 5])).toEqual([0, 5, 5]);
    expect(allocate(0, [7, 9])).toEqual([0, 0]);
    expect(allocate(5, [0, 0])).toEqual([5, 0]);
    expect(allocate(5, [])).toEqual([]);
  });

  it('always sums to the whole, never gives a part more than its weight, and stays within 1 of the exact share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 10_000_000 }), { minLength: 1, maxLength: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (weights, fraction) => {
          const sum = weights.reduce((a, b) => a + b, 0);
          const total = Math.floor(sum * fraction);
          const parts = allocate(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((p, i) => {
            expect(Number.isInteger(p) && p >= 0).toBe(true);
            expect(p).toBeLessThanOrEqual(weights[i]!);
            if (sum > 0) expect(Math.abs(p * sum - total * weights[i]!)).toBeLessThan(sum);
          });
        },
      ),
    );
  });

  it('is exact with huge amounts (BigInt path)', () => {
    const w = [Number.MAX_SAFE_INTEGER - 1, 3];
    const parts = allocate(Number.MAX_SAFE_INTEGER - 10, w);
    expect(parts[0]! + parts[1]!).toBe(Number.MAX_SAFE_INTEGER - 10);
    expect(parts[1]).toBeLessThanOrEqual(3);
  });
});
