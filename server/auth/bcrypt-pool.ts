import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BcryptJob, BcryptResult } from './bcrypt-worker.ts';
import { AuthError } from './errors.ts';

/**
 * bcrypt off the event loop: a small pool of worker threads (one fewer than the cores, at
 * least one, at most four), started on first use. A hash at cost 10 is ~50-100 ms of CPU; on
 * the main thread (bcryptjs, even its async API, which yields only every 100 ms) every other
 * request would wait behind it. Workers are unref'd while idle, so they never keep a process
 * alive, and replaced if one dies. The queue is bounded: past it the caller gets a 503.
 */

const SIZE = Math.max(1, Math.min(4, availableParallelism() - 1));
const MAX_QUEUE = 512;

interface Task {
  job: BcryptJob;
  resolve(value: string | boolean): void;
  reject(err: Error): void;
}

const alive = new Set<Worker>();
const idle: Worker[] = [];
const busy = new Map<Worker, Task>();
const queue: Task[] = [];

export function runBcrypt(job: BcryptJob): Promise<string | boolean> {
  if (queue.length >= MAX_QUEUE) {
    return Promise.reject(new AuthError(503, 'service_unavailable', 'The server is busy, please try again shortly'));
  }
  return new Promise((resolve, reject) => {
    queue.push({ job, resolve, reject });
    pump();
  });
}

function pump(): void {
  while (queue.length) {
    const worker = idle.pop() ?? (alive.size < SIZE ? spawn() : undefined);
    if (!worker) return;
    const task = queue.shift()!;
    busy.set(worker, task);
    worker.ref(); // a pending hash keeps the process alive until it answers
    worker.postMessage(task.job);
  }
}

function spawn(): Worker {
  const worker = new Worker(new URL('./bcrypt-worker.ts', import.meta.url));
  alive.add(worker);
  worker.on('message', (result: BcryptResult) => {
    const task = busy.get(worker);
    busy.delete(worker);
    worker.unref();
    idle.push(worker);
    if ('error' in result) task?.reject(new Error(`bcrypt: ${result.error}`));
    else task?.resolve(result.value);
    pump();
  });
  const gone = (err: Error) => {
    if (!alive.delete(worker)) return; // 'error' is followed by 'exit'
    if (idle.includes(worker)) idle.splice(idle.indexOf(worker), 1);
    const task = busy.get(worker);
    busy.delete(worker);
    task?.reject(err);
    pump();
  };
  worker.on('error', gone);
  worker.on('exit', (code) => gone(new Error(`bcrypt worker exited with code ${code}`)));
  return worker;
}
