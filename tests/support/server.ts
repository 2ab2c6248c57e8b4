import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

export interface RunningServer {
  url: string;
  proc: ChildProcess;
  output: () => string;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'lms-data-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts the real platform as `npm start` does (scripts/start.mjs: build if stale, migrate,
 * seed, serve) on a free port, and waits for the line that prints its URL.
 */
export function startServer(env: Record<string, string>, timeoutMs = 180_000): Promise<RunningServer> {
  const proc = spawn(process.execPath, [join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: { ...process.env, PORT: '0', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`server did not start in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at (http:\/\/localhost:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1]!.replace('localhost', '127.0.0.1'),
          proc,
          output: () => out,
          stop(signal = 'SIGTERM') {
            if (proc.exitCode !== null) return Promise.resolve(proc.exitCode);
            proc.kill(signal);
            return exited;
          },
        });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`server exited with ${code} before it started:\n${out}`), { code, output: out }));
    });
  });
}

/** Runs the server expecting it to fail at start; resolves with its exit code and output. */
export function startExpectingFailure(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return startServer(env, 60_000).then(
    async (s) => {
      await s.stop('SIGKILL');
      throw new Error(`server started but should not have:\n${s.output()}`);
    },
    (err: Error & { code?: number | null; output?: string }) => ({
      code: err.code ?? null,
      output: err.output ?? err.message,
    }),
  );
}
