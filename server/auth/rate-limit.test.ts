import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from './rate-limit.ts';

describe('SlidingWindowLimiter', () => {
  it('allows `limit` hits in any window, then frees slots as they age out', () => {
    const l = new SlidingWindowLimiter(2, 1000);
    expect([l.hit('k', 0), l.hit('k', 400), l.hit('k', 900)]).toEqual([true, true, false]);
    expect(l.hit('other', 900)).toBe(true);
    expect(l.hit('k', 1001)).toBe(true); // the hit at 0 left the window
    expect(l.hit('k', 1100)).toBe(false);
    expect(l.hit('k', 1401)).toBe(true);
  });

  it('keeps memory bounded by evicting the least recently used keys', () => {
    const l = new SlidingWindowLimiter(1, 1000, 3);
    for (const k of ['a', 'b', 'c', 'd']) l.hit(k, 0);
    // 'a' was evicted, so it has a fresh budget; 'd' has none.
    expect(l.hit('a', 1)).toBe(true);
    expect(l.hit('d', 1)).toBe(false);
  });
});
