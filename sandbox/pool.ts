/**
 * The lab runner pool: worker processes (sandbox/worker.ts) separate from the HTTP server, a bounded FIFO
 * queue, a per-user token bucket (rejects with rate_limited) and a per-user in-flight cap (a user's extra
 * jobs wait in the queue while other users' jobs go first), a watchdog that kills a worker that does not
 * answer within timeLimitMs + 3 s, and replacement of any worker that dies. A job whose worker dies answers
 * 'timeout' when the watchdog killed it, else 'error' ("the runner stopped unexpectedly").
 * stats() gives the numbers and the last 60 one-second samples of queue depth and busy workers.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  type LabJob,
  LabQueueError,
  type LabQueueStats,
  type LabRunner,
  type LabRunResult,
  type LabRunStatus,
} from '../edge/labs/runner.ts';

export interface LabPoolOptions {
  /** Worker processes; default max(1, cpus - 1), at most 8. */
  workers?: number;
  /** Jobs waiting beyond the running ones; default 100. */
  maxQueue?: number;
  /** Per-user token bucket: burst (default 10) and refill per second (default 2). */
  perUser?: { burst?: number; perSecond?: number };
  /** A user's jobs running at once; the rest wait in the queue. Default 2. */
  perUserInFlight?: number;
  /** Extra time on top of the job's limit before the pool kills its worker; default 3,000 ms. */
  watchdogGraceMs?: number;
}

export interface LabPool extends LabRunner {
  /** Process ids of the live workers (tests, diagnostics). */
  workerPids(): number[];
}

interface Pending {
  id: number;
  job: LabJob;
  resolve: (result: LabRunResult) => void;
  reject: (error: LabQueueError) => void;
  enqueuedAt: number;
}

interface Worker {
  child: ChildProcess;
  ready: boolean;
  job: Pending | null;
  startedAt: number;
  timer: ReturnType<typeof setTimeout> | null;
  killedFor: LabRunStatus | null;
  exited: Promise<void>;
}

const STATUSES = new Set<LabRunStatus>(['passed', 'failed', 'error', 'timeout', 'memory']);
const WORKER_FILE = fileURLToPath(new URL('./worker.ts', import.meta.url));
const SAMPLES = 60;

function isResult(value: unknown): value is LabRunResult {
  const r = value as LabRunResult;
  return (
    typeof r === 'object' &&
    r !== null &&
    STATUSES.has(r.status) &&
    typeof r.score === 'number' &&
    Array.isArray(r.tests) &&
    typeof r.output === 'string' &&
    typeof r.durationMs === 'number'
  );
}

export function createLabPool(options: LabPoolOptions = {}): LabPool {
  const size = Math.min(8, Math.max(1, Math.floor(options.workers ?? availableParallelism() - 1)));
  const maxQueue = Math.max(0, Math.floor(options.maxQueue ?? 100));
  const burst = Math.max(1, options.perUser?.burst ?? 10);
  const perSecond = Math.max(0.001, options.perUser?.perSecond ?? 2);
  const perUserInFlight = Math.max(1, Math.floor(options.perUserInFlight ?? 2));
  const grace = options.watchdogGraceMs ?? 3_000;

  const workers: Worker[] = [];
  const queue: Pending[] = [];
  const running = new Map<string, number>();
  const buckets = new Map<string, { tokens: number; at: number }>();
  const recent: LabQueueStats['recent'] = [];
  let completed = 0;
  let crashed = 0;
  let restarts = 0;
  let rejected = 0;
  let nextId = 1;
  let closed = false;
  let failedStarts = 0;
  let unavailableUntil = 0;
  let peakQueued = 0;
  let peakBusy = 0;
  let averageMs = 5;

  const busyCount = () => workers.filter((w) => w.job).length;
  const notePeaks = () => {
    peakQueued = Math.max(peakQueued, queue.length);
    peakBusy = Math.max(peakBusy, busyCount());
  };

  function spawn(): void {
    const child = fork(WORKER_FILE, [], {
      execArgv: ['--no-node-snapshot'],
      serialization: 'json',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let onExit: () => void = () => undefined;
    const worker: Worker = {
      child,
      ready: false,
      job: null,
      startedAt: Date.now(),
      timer: null,
      killedFor: null,
      exited: new Promise<void>((resolve) => {
        onExit = resolve;
      }),
    };
    workers.push(worker);
    updateRefs();
    child.on('message', (message: { type?: string; id?: number; result?: unknown; message?: unknown }) => {
      if (message?.type === 'ready') {
        worker.ready = true;
        failedStarts = 0;
        pump();
        return;
      }
      if (message?.type === 'catastrophe') {
        worker.killedFor ??= /out.of.memory|memory limit/i.test(String(message.message)) ? 'memory' : 'error';
        return;
      }
      if (message?.type !== 'result' || !worker.job || message.id !== worker.job.id) return;
      const pending = worker.job;
      settle(
        worker,
        isResult(message.result) ? message.result : failure(pending, 'error', 'Error: the runner answered badly'),
      );
      completed++;
      pump();
    });
    child.on('error', () => {
      // 'exit' follows and does the bookkeeping
    });
    child.on('exit', () => {
      onExit();
      const index = workers.indexOf(worker);
      if (index >= 0) workers.splice(index, 1);
      if (!worker.ready) failedStarts++;
      if (worker.job) {
        const status = worker.killedFor ?? 'error';
        settle(
          worker,
          failure(
            worker.job,
            status,
            status === 'timeout'
              ? 'Error: time limit exceeded (the runner was stopped)'
              : status === 'memory'
                ? 'Error: memory limit exceeded'
                : 'Error: the runner stopped unexpectedly',
          ),
        );
      }
      if (closed) return;
      crashed++;
      restarts++;
      if (failedStarts >= 5) {
        // Crash loop: say runner_unavailable for a while, then try again.
        unavailableUntil = Date.now() + 5_000;
        setTimeout(() => {
          if (!closed) spawn();
        }, 5_000).unref();
      } else {
        spawn();
      }
      pump();
    });
  }

  /** Workers keep the host alive only while there is work: a forgotten idle pool never holds a process open. */
  function updateRefs(): void {
    const active = queue.length > 0 || workers.some((w) => w.job);
    for (const worker of workers) {
      const channel = worker.child.channel as { ref?: () => void; unref?: () => void } | undefined;
      if (active || closed) {
        worker.child.ref();
        channel?.ref?.();
      } else {
        worker.child.unref();
        channel?.unref?.();
      }
    }
  }

  function failure(pending: Pending, status: LabRunStatus, output: string): LabRunResult {
    return { status, score: 0, tests: [], output, durationMs: Date.now() - pending.enqueuedAt };
  }

  function settle(worker: Worker, result: LabRunResult): void {
    const pending = worker.job;
    if (!pending) return;
    worker.job = null;
    if (worker.timer) clearTimeout(worker.timer);
    worker.timer = null;
    const user = pending.job.userId;
    const n = (running.get(user) ?? 1) - 1;
    if (n <= 0) running.delete(user);
    else running.set(user, n);
    averageMs = averageMs * 0.9 + Math.max(1, result.durationMs) * 0.1;
    updateRefs();
    pending.resolve(result);
  }

  function pump(): void {
    for (const worker of workers) {
      if (!worker.ready || worker.job || worker.killedFor) continue;
      const index = queue.findIndex((p) => (running.get(p.job.userId) ?? 0) < perUserInFlight);
      if (index < 0) break;
      const [pending] = queue.splice(index, 1);
      if (!pending) break;
      dispatch(worker, pending);
    }
    notePeaks();
    updateRefs();
  }

  function dispatch(worker: Worker, pending: Pending): void {
    const { job } = pending;
    worker.job = pending;
    running.set(job.userId, (running.get(job.userId) ?? 0) + 1);
    worker.timer = setTimeout(() => {
      worker.killedFor = 'timeout';
      worker.child.kill('SIGKILL');
    }, job.timeLimitMs + grace);
    worker.child.send({
      type: 'run',
      id: pending.id,
      job: {
        language: job.language,
        code: job.code,
        tests: job.tests,
        timeLimitMs: job.timeLimitMs,
        memoryLimitMb: job.memoryLimitMb,
        revealHidden: job.revealHidden === true,
      },
    });
  }

  function take(user: string): number {
    const now = Date.now();
    const bucket = buckets.get(user) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    buckets.set(user, bucket);
    if (bucket.tokens < 1) return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
    bucket.tokens -= 1;
    return 0;
  }

  const sampler = setInterval(() => {
    notePeaks();
    recent.push({ at: new Date().toISOString(), queued: peakQueued, busy: peakBusy });
    if (recent.length > SAMPLES) recent.splice(0, recent.length - SAMPLES);
    peakQueued = queue.length;
    peakBusy = busyCount();
    const now = Date.now();
    for (const [user, bucket] of buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * perSecond >= burst) buckets.delete(user);
    }
  }, 1_000);
  sampler.unref();

  for (let i = 0; i < size; i++) spawn();

  return {
    run(job: LabJob): Promise<LabRunResult> {
      if (closed) return Promise.reject(new LabQueueError('runner_unavailable', 'the lab runner is shutting down', 5));
      if (workers.length === 0 || (Date.now() < unavailableUntil && !workers.some((w) => w.ready))) {
        rejected++;
        return Promise.reject(new LabQueueError('runner_unavailable', 'the lab runner is not available', 5));
      }
      if (queue.length >= maxQueue) {
        rejected++;
        const wait = Math.max(1, Math.ceil((averageMs * (queue.length + 1)) / workers.length / 1000));
        return Promise.reject(
          new LabQueueError('queue_full', 'too many lab runs are waiting; try again shortly', wait),
        );
      }
      const retryAfter = take(job.userId);
      if (retryAfter > 0) {
        rejected++;
        return Promise.reject(
          new LabQueueError('rate_limited', 'too many runs; wait a moment before the next one', retryAfter),
        );
      }
      return new Promise<LabRunResult>((resolve, reject) => {
        queue.push({ id: nextId++, job, resolve, reject, enqueuedAt: Date.now() });
        pump();
      });
    },

    stats(): LabQueueStats {
      return {
        workers: workers.length,
        busy: busyCount(),
        queued: queue.length,
        maxQueue,
        completed,
        crashed,
        restarts,
        rejected,
        recent: recent.map((s) => ({ ...s })),
      };
    },

    workerPids(): number[] {
      return workers.filter((w) => w.ready && w.child.pid !== undefined).map((w) => w.child.pid as number);
    },

    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      clearInterval(sampler);
      for (const pending of queue.splice(0)) {
        pending.reject(new LabQueueError('runner_unavailable', 'the lab runner shut down before this run started', 5));
      }
      const deadline = Date.now() + 10_000;
      while (workers.some((w) => w.job) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      updateRefs();
      const exits = workers.map((w) => w.exited);
      for (const worker of [...workers]) {
        if (worker.child.connected) worker.child.disconnect();
        const killer = setTimeout(() => worker.child.kill('SIGKILL'), 2_000);
        killer.unref();
      }
      await Promise.all(exits);
    },
  };
}
