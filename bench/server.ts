/**
 * The real server for the benchmark: `node server/main.ts` in its own process (so the load
 * generator does not share its event loop), on a free port, with the database already
 * migrated and filled (SEED=false: nothing happens at start but opening it).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../server/main.ts', import.meta.url));

export interface BenchServer {
  url: string;
  /** The server's process id (its lab workers are its children). */
  pid: number;
  stop(): Promise<void>;
}

export function startServer(env: Record<string, string>, timeoutMs = 120_000): Promise<BenchServer> {
  // BENCH_CPU_PROF=<folder>: the server writes a V8 CPU profile there when it stops (bench/profile.ts reads it).
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const proc = spawn(process.execPath, [...prof, MAIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SEED: 'false', NODE_ENV: 'test', DEV_OUTBOX: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`the server did not start in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out = (out + chunk.toString()).slice(-20_000);
      const m = /running at (http:\/\/localhost:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        proc.stdout!.off('data', onData);
        proc.stdout!.resume();
        resolve({ url: m[1]!.replace('localhost', '127.0.0.1'), pid: proc.pid!, stop });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (chunk: Buffer) => {
      out = (out + chunk.toString()).slice(-20_000);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before it started:\n${out}`));
    });
  });
}
