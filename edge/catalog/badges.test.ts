import { describe, expect, it } from 'vitest';
import { badgesFor } from './badges.ts';

const now = new Date('2026-11-22T12:00:00Z');

describe('badgesFor', () => {
  it('marks courses with many enrollments as popular', () => {
    expect(badgesFor({ enrollmentCount: 1000, publishedAt: null, priceAmount: 100 }, now)).toEqual(['popular']);
    expect(badgesFor({ enrollmentCount: 999, publishedAt: null, priceAmount: 100 }, now)).toEqual([]);
  });

  it('marks courses published within 30 days as new, not future or older ones', () => {
    expect(badgesFor({ enrollmentCount: 0, publishedAt: '2026-11-01T00:00:00Z', priceAmount: 1 }, now)).toEqual([
      'new',
    ]);
    expect(badgesFor({ enrollmentCount: 0, publishedAt: '2026-10-01T00:00:00Z', priceAmount: 1 }, now)).toEqual([]);
    expect(badgesFor({ enrollmentCount: 0, publishedAt: '2026-12-01T00:00:00Z', priceAmount: 1 }, now)).toEqual([]);
  });

  it('marks free courses', () => {
    expect(badgesFor({ enrollmentCount: 5000, publishedAt: '2026-11-20T00:00:00Z', priceAmount: 0 }, now)).toEqual([
      'popular',
      'new',
      'free',
    ]);
  });
});
