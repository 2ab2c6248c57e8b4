import { describe, expect, it } from 'vitest';
import { percentile, summarise } from './stats.ts';

describe('bench statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const s = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(s, 50)).toBe(50);
    expect(percentile(s, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
  });

  it('derives requests per second from the elapsed time', () => {
    expect(summarise([1, 2, 3, 4], 2000)).toEqual({ count: 4, rps: 2, p50: 2, p99: 4 });
  });
});
