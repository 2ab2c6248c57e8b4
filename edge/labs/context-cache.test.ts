import { describe, expect, it } from 'vitest';
import { GradingContextCache } from './context-cache.ts';
import type { GradingContext } from './queries.ts';

const context = (labId: string): GradingContext => ({
  labId,
  courseId: 'c',
  slug: 'sum',
  title: 'Sum',
  language: 'javascript',
  points: 10,
  timeLimitMs: 1000,
  memoryLimitMb: 32,
  visibleTests: 'test()',
  hiddenTests: 'test()',
  referenceSolution: null,
  isManager: false,
});

describe('GradingContextCache', () => {
  it('answers a learner’s context until it expires', () => {
    let now = 1_000;
    const cache = new GradingContextCache({ ttlMs: 5_000, now: () => now });
    cache.set('lab', 'ann', context('lab'));
    expect(cache.get('lab', 'ann')?.labId).toBe('lab');
    expect(cache.get('lab', 'bob')).toBeUndefined();
    now += 5_000;
    expect(cache.get('lab', 'ann')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('forgets every learner’s entry of an edited lab, and only that lab', () => {
    const cache = new GradingContextCache();
    cache.set('lab', 'ann', context('lab'));
    cache.set('lab', 'bob', context('lab'));
    cache.set('lab2', 'ann', context('lab2'));
    cache.forgetLab('lab');
    expect(cache.get('lab', 'ann')).toBeUndefined();
    expect(cache.get('lab', 'bob')).toBeUndefined();
    expect(cache.get('lab2', 'ann')?.labId).toBe('lab2');
  });

  it('keeps at most its bound, dropping the oldest', () => {
    const cache = new GradingContextCache({ maxEntries: 2 });
    cache.set('a', 'u', context('a'));
    cache.set('b', 'u', context('b'));
    cache.set('c', 'u', context('c'));
    expect(cache.size).toBe(2);
    expect(cache.get('a', 'u')).toBeUndefined();
    expect(cache.get('c', 'u')?.labId).toBe('c');
  });

  it('keeps nothing with a TTL of 0', () => {
    const cache = new GradingContextCache({ ttlMs: 0 });
    cache.set('a', 'u', context('a'));
    expect(cache.get('a', 'u')).toBeUndefined();
  });
});
