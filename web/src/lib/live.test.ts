import { describe, expect, it } from 'vitest';
import { backoffDelay } from './live.ts';

describe('backoffDelay', () => {
  it('starts near a second and doubles, between half and all of each step', () => {
    const low = [0, 1, 2, 3, 4].map((n) => backoffDelay(n, () => 0));
    const high = [0, 1, 2, 3, 4].map((n) => backoffDelay(n, () => 1));
    expect(low).toEqual([500, 1000, 2000, 4000, 8000]);
    expect(high).toEqual([1000, 2000, 4000, 8000, 16000]);
  });

  it('never waits more than 30 seconds, however many attempts failed', () => {
    expect(backoffDelay(5, () => 1)).toBe(30_000);
    expect(backoffDelay(50, () => 1)).toBe(30_000);
    expect(backoffDelay(1000, () => 0)).toBe(15_000);
  });
});
