import { describe, expect, it } from 'vitest';
import { measure, measureInTurns, percentile, summarise } from './stats.ts';

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

  it('keeps exactly `concurrency` calls in flight, as a load tool keeps its connections busy', async () => {
    let inFlight = 0;
    let most = 0;
    const stats = await measure(
      async () => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight--;
      },
      100,
      { concurrency: 10, warmupMs: 10 },
    );
    expect(most).toBe(10);
    expect(stats.count).toBeGreaterThan(0);
  });

  it('measures functions in alternating turns, each for at least the time asked', async () => {
    const calls: string[] = [];
    const tick = (name: string) => async () => {
      calls.push(name);
      await new Promise((r) => setTimeout(r, 2));
    };
    const [a, b] = await measureInTurns([tick('a'), tick('b')], 0.1, 20);
    for (const m of [a!, b!]) {
      expect(m.count).toBeGreaterThan(0);
      expect(m.count / m.rps).toBeGreaterThanOrEqual(0.1);
    }
    // After each one's warm-up, the turns alternate: a's, then b's, then a's again.
    const measured = calls.join('').replace(/^a+b+/, '');
    expect(measured).toMatch(/^a+b+a+b+/);
  });
});
