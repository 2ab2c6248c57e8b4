/**
 * A lab worker process (forked by pool.ts with --no-node-snapshot). It runs one job at a time:
 * { type: 'run', id, job } in, { type: 'result', id, result } out. A catastrophic isolate error ends the
 * process; the pool answers the job and starts a replacement. Losing the parent ends it too.
 */
import type { LabRunResult } from '../edge/labs/runner.ts';
import { runInSandbox, type SandboxJob, setCatastropheHandler } from './run.ts';

interface RunMessage {
  type: 'run';
  id: number;
  job: SandboxJob;
}

// The isolate is beyond repair: tell the pool what happened (an out-of-memory catastrophe is the job's
// 'memory'), then leave so it starts a fresh worker.
setCatastropheHandler((message) => {
  const exit = () => process.exit(70);
  setTimeout(exit, 200).unref();
  if (process.connected && process.send) process.send({ type: 'catastrophe', message }, exit);
  else exit();
});

function send(message: unknown): void {
  // With a callback, a closed channel (the pool went away) is an ignored error, not a crash.
  if (process.connected) process.send?.(message, undefined, undefined, () => undefined);
}

process.on('message', (message: RunMessage) => {
  if (message?.type !== 'run') return;
  const started = performance.now();
  runInSandbox(message.job).then(
    (result) => send({ type: 'result', id: message.id, result }),
    (error: unknown) => {
      const result: LabRunResult = {
        status: 'error',
        score: 0,
        tests: [],
        output: `Error: the runner failed (${error instanceof Error ? error.message : 'unknown error'})`,
        durationMs: Math.round(performance.now() - started),
      };
      send({ type: 'result', id: message.id, result });
    },
  );
});

process.on('disconnect', () => process.exit(0));
send({ type: 'ready', pid: process.pid });
