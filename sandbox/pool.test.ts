import { afterAll, describe, expect, it } from 'vitest';
import { type LabJob, LabQueueError } from '../edge/labs/runner.ts';
import { SUM_LAB } from './fixtures.ts';
import { createLabPool, type LabPool } from './pool.ts';

const tests = [
  { source: SUM_LAB.visibleTests, hidden: false },
  { source: SUM_LAB.hiddenTests, hidden: true },
];

function job(code: string, userId = 'learner', timeLimitMs = 1000): LabJob {
  return { userId, language: 'javascript', code, tests, timeLimitMs, memoryLimitMb: 32 };
}

const pools: LabPool[] = [];
function pool(options: Parameters<typeof createLabPool>[0]): LabPool {
  const p = createLabPool(options);
  pools.push(p);
  return p;
}

async function ready(p: LabPool, workers: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (p.workerPids().length < workers && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

async function rejection(promise: Promise<unknown>): Promise<LabQueueError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LabQueueError) return error;
    throw error;
  }
  throw new Error('expected a LabQueueError');
}

afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('createLabPool', () => {
  it('runs jobs in worker processes and counts them', async () => {
    const p = pool({ workers: 1 });
    const results = await Promise.all(
      [job(SUM_LAB.referenceSolution, 'a'), job(SUM_LAB.starterCode, 'b')].map((j) => p.run(j)),
    );
    expect(results.map((r) => r.status)).toEqual(['passed', 'failed']);
    expect(p.workerPids()).toHaveLength(1);
    expect(p.workerPids()[0]).not.toBe(process.pid);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const stats = p.stats();
    expect(stats).toMatchObject({
      workers: 1,
      busy: 0,
      queued: 0,
      maxQueue: 100,
      completed: 2,
      crashed: 0,
      restarts: 0,
      rejected: 0,
    });
    expect(stats.recent.length).toBeGreaterThanOrEqual(1);
    expect(stats.recent.length).toBeLessThanOrEqual(60);
    expect(Number.isNaN(Date.parse(stats.recent[0]!.at))).toBe(false);
  });

  it('answers error when a worker dies mid-run, replaces it, and the next job passes', async () => {
    const p = pool({ workers: 1 });
    await p.run(job(SUM_LAB.referenceSolution));
    const [pid] = p.workerPids();
    const running = p.run(job('while (true) {}', 'learner', 5_000));
    await new Promise((resolve) => setTimeout(resolve, 150));
    process.kill(pid!, 'SIGKILL');
    const killed = await running;
    expect(killed.status).toBe('error');
    expect(killed.output).toBe('Error: the runner stopped unexpectedly');
    expect(killed.score).toBe(0);
    const next = await p.run(job(SUM_LAB.referenceSolution));
    expect(next.status).toBe('passed');
    expect(p.workerPids()).toHaveLength(1);
    expect(p.workerPids()[0]).not.toBe(pid);
    expect(p.stats()).toMatchObject({ crashed: 1, restarts: 1, completed: 2 });
  });

  it('kills a worker that does not answer in time (watchdog) and answers timeout', async () => {
    const p = pool({ workers: 1, watchdogGraceMs: 100 });
    // The in-isolate limit is 2 s; the pool watchdog (limit + grace) is shorter than the worker's own.
    const slow = await p.run({ ...job('while (true) {}'), timeLimitMs: 300 });
    expect(slow.status).toBe('timeout');
    expect((await p.run(job(SUM_LAB.referenceSolution))).status).toBe('passed');
  });

  it('rejects with queue_full beyond the queue bound', async () => {
    const p = pool({ workers: 1, maxQueue: 1 });
    await ready(p, 1);
    const first = p.run(job('while (true) {}', 'u1', 400));
    const second = p.run(job(SUM_LAB.referenceSolution, 'u2'));
    const error = await rejection(p.run(job(SUM_LAB.referenceSolution, 'u3')));
    expect(error.code).toBe('queue_full');
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((await first).status).toBe('timeout');
    expect((await second).status).toBe('passed');
    expect(p.stats().rejected).toBe(1);
  });

  it('rate-limits per user with a token bucket and Retry-After', async () => {
    const p = pool({ workers: 1, perUser: { burst: 2, perSecond: 0.5 } });
    await Promise.all([p.run(job(SUM_LAB.referenceSolution, 'fast')), p.run(job(SUM_LAB.referenceSolution, 'fast'))]);
    const error = await rejection(p.run(job(SUM_LAB.referenceSolution, 'fast')));
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(2);
    expect((await p.run(job(SUM_LAB.referenceSolution, 'other'))).status).toBe('passed');
  });

  it('keeps one user to its in-flight cap so other users go first', async () => {
    const p = pool({ workers: 2, perUserInFlight: 1 });
    await ready(p, 2);
    const order: string[] = [];
    const track = (j: LabJob, label: string) => p.run(j).then((r) => order.push(`${label}:${r.status}`));
    await Promise.all([
      track(job('while (true) {}', 'busy', 300), 'busy-1'),
      track(job(SUM_LAB.referenceSolution, 'busy'), 'busy-2'),
      track(job(SUM_LAB.referenceSolution, 'calm'), 'calm-1'),
    ]);
    // busy-2 waits for busy-1 (cap 1) while calm-1 takes the second worker.
    expect(order).toEqual(['calm-1:passed', 'busy-1:timeout', 'busy-2:passed']);
  });

  it('rejects with runner_unavailable once closed', async () => {
    const p = pool({ workers: 1 });
    await p.close();
    const error = await rejection(p.run(job(SUM_LAB.referenceSolution)));
    expect(error.code).toBe('runner_unavailable');
  });
});
