import { describe, expect, it } from 'vitest';
import { distributionBars } from './reviews-api.ts';

describe('the rating chart', () => {
  it('lists 5 stars first with each count and share', () => {
    expect(distributionBars([1, 0, 0, 1, 2])).toEqual([
      { stars: 5, count: 2, share: 0.5 },
      { stars: 4, count: 1, share: 0.25 },
      { stars: 3, count: 0, share: 0 },
      { stars: 2, count: 0, share: 0 },
      { stars: 1, count: 1, share: 0.25 },
    ]);
  });

  it('has empty bars without ratings, and ignores junk counts', () => {
    expect(distributionBars([0, 0, 0, 0, 0]).every((b) => b.share === 0)).toBe(true);
    expect(distributionBars([-3]).map((b) => b.count)).toEqual([0, 0, 0, 0, 0]);
  });
});
