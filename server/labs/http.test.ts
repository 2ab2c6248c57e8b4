import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labQueueStats } from '../../edge/contract/labs.ts';
import { remoteLabRunner } from '../../edge/labs/remote-runner.ts';
import { type LabJob, LabQueueError, type LabRunner } from '../../edge/labs/runner.ts';
import { LAB, labFixture, REFERENCE, VISIBLE_TESTS } from '../../edge/labs/test-fixture.ts';
import { createLabPool } from '../../sandbox/pool.ts';
import { ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import { labsServiceApp, tokenMatches } from './http.ts';

/**
 * The runner service (server/labs/http.ts) and the remote runner an Edge Function uses
 * (edge/labs/remote-runner.ts), together over a real socket on port 0, with the real pool.
 */

const TOKEN = 'labs-token-0123456789abcdef0123456789abcdef';

const job = (code: string, userId: string = ids.student): LabJob => ({
  userId,
  language: 'javascript',
  code,
  tests: [{ source: VISIBLE_TESTS, hidden: false }],
  timeLimitMs: 1000,
  memoryLimitMb: 32,
});

async function rejection(p: Promise<unknown>): Promise<LabQueueError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof LabQueueError) return err;
    throw err;
  }
  throw new Error('expected a LabQueueError');
}

describe('the labs runner service and the remote runner', () => {
  let pool: LabRunner;
  let server: ReturnType<typeof serve>;
  let url = '';
  beforeAll(async () => {
    pool = createLabPool({ workers: 1, maxQueue: 20, perUser: { burst: 5, perSecond: 0.5 } });
    // Mounted where the Node host mounts it (server/app.ts).
    const app = new Hono().route('/labs/v1', labsServiceApp(pool, TOKEN));
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await pool?.close();
  });

  it('compares tokens in constant time, by value', () => {
    expect(tokenMatches(TOKEN, TOKEN)).toBe(true);
    expect(tokenMatches(`${TOKEN}x`, TOKEN)).toBe(false);
    expect(tokenMatches('', TOKEN)).toBe(false);
  });

  it('runs a job in the pool and answers its result', async () => {
    const remote = remoteLabRunner({ url, token: TOKEN });
    const result = await remote.run(job(REFERENCE));
    expect(result).toMatchObject({ status: 'passed', score: 100 });
    expect(result.tests).toEqual([{ name: 'sum(1, 2) is 3', passed: true, message: null, hidden: false }]);
    const stats = labQueueStats.parse(await remote.statsNow!());
    expect(stats.workers).toBe(1);
    expect(stats.completed).toBeGreaterThan(0);
    expect(remote.stats()).toEqual(stats);
  });

  it('refuses a wrong or missing token (401), which the remote runner reports as unavailable', async () => {
    const wrong = remoteLabRunner({ url, token: 'not-the-token' });
    expect((await rejection(wrong.run(job(REFERENCE)))).code).toBe('runner_unavailable');
    for (const authorization of [undefined, 'Bearer nope', `Basic ${TOKEN}`, TOKEN]) {
      const res = await fetch(`${url}/labs/v1/run`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify(job(REFERENCE)),
      });
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('unauthorized');
    }
    expect((await fetch(`${url}/labs/v1/stats`)).status).toBe(401);
  });

  it('refuses malformed jobs with 400 and oversized ones with 413', async () => {
    const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    for (const body of [
      '{',
      JSON.stringify({ ...job('x'), extra: 1 }),
      JSON.stringify({ ...job('x'), timeLimitMs: 1e6 }),
    ]) {
      const res = await fetch(`${url}/labs/v1/run`, { method: 'POST', headers, body });
      expect(res.status).toBe(400);
    }
    const big = await fetch(`${url}/labs/v1/run`, {
      method: 'POST',
      headers,
      body: JSON.stringify(job('x'.repeat(2 * 1024 * 1024))),
    });
    expect(big.status).toBe(413);
  });

  it('passes the rate limit through: 429 with Retry-After becomes a LabQueueError', async () => {
    const remote = remoteLabRunner({ url, token: TOKEN });
    const outcomes = await Promise.allSettled(Array.from({ length: 12 }, () => remote.run(job(REFERENCE, ids.other))));
    const refused = outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]).toBeInstanceOf(LabQueueError);
    expect(refused[0].code).toBe('rate_limited');
    expect(refused[0].retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  it('reports an unreachable service as runner_unavailable', async () => {
    const gone = remoteLabRunner({ url: 'http://127.0.0.1:1', token: TOKEN, timeoutMs: 2000 });
    expect((await rejection(gone.run(job(REFERENCE)))).code).toBe('runner_unavailable');
  });

  it('grades a submission through the data API with the remote runner (as an Edge Function would)', async () => {
    const h = await makeEdgeHarness({ labs: remoteLabRunner({ url, token: TOKEN }) });
    try {
      await h.db.runScript(labFixture(ids));
      const res = await h.app.request(`/api/labs/${LAB.sum}/submissions`, {
        method: 'POST',
        headers: { ...(await h.as(ids.student)), 'content-type': 'application/json' },
        body: JSON.stringify({ code: REFERENCE }),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'passed', score: 100, points: 10 });
      const queue = await h.app.request('/api/admin/labs/queue', { headers: await h.as(ids.admin) });
      expect(queue.status).toBe(200);
      expect(labQueueStats.parse(await queue.json()).workers).toBe(1);
    } finally {
      await h.close();
    }
  });
});
