import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACKS } from './attacks.ts';
import { SUM_LAB } from './fixtures.ts';
import { createLabPool, type LabPool } from './pool.ts';

const tests = [
  { source: SUM_LAB.visibleTests, hidden: false },
  { source: SUM_LAB.hiddenTests, hidden: true },
];

let pool: LabPool;
beforeAll(() => {
  pool = createLabPool({ workers: 2, maxQueue: 200, perUser: { burst: 1000, perSecond: 1000 } });
});
afterAll(async () => {
  await pool.close();
});

describe('attack suite (through a real pool)', () => {
  it('has at least 32 named cases', () => {
    expect(ATTACKS.length).toBeGreaterThanOrEqual(32);
    expect(new Set(ATTACKS.map((a) => a.name)).size).toBe(ATTACKS.length);
  });

  it('contains every attack: expected status, bounded score, the pool serves a normal run after, the host stays responsive', async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const outcomes = await Promise.all(
      ATTACKS.map(async (attack, i) => {
        const userId = `attacker-${i}`;
        const result = await pool.run({
          userId,
          language: 'javascript',
          code: attack.code,
          tests,
          timeLimitMs: 500,
          memoryLimitMb: 32,
        });
        const after = await pool.run({
          userId,
          language: 'javascript',
          code: SUM_LAB.referenceSolution,
          tests,
          timeLimitMs: 1000,
          memoryLimitMb: 32,
        });
        return { attack, result, after };
      }),
    );
    delay.disable();
    for (const { attack, result, after } of outcomes) {
      expect(attack.expect, attack.name).toContain(result.status);
      expect(result.score, attack.name).toBeLessThanOrEqual(attack.maxScore ?? 0);
      expect(result.output.length, attack.name).toBeLessThanOrEqual(16 * 1024);
      for (const t of result.tests.filter((x) => x.hidden && !x.passed)) expect(t.message).toBe('Hidden test failed');
      expect(after.status, `${attack.name}: normal run afterwards`).toBe('passed');
    }
    // The host process (the HTTP server's place) never waits on an attack.
    expect(delay.max / 1e6).toBeLessThan(250);
    expect(pool.stats().workers).toBe(2);
  }, 120_000);
});
