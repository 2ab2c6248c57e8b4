import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock.ts';

const lockModule = new URL('./lock.ts', import.meta.url).pathname;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'lms-lock-'));
  dirs.push(dir);
  return dir;
}

/** The pid of a process that has exited: what a lock left by a killed server holds. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(r.stdout.toString());
}

/**
 * One contender: waits for the common start instant (so all of them hit the lock together),
 * tries to lock, reports, holds the lock a while so the others overlap, then releases.
 */
const CONTENDER = `
import { lockDataDir } from ${JSON.stringify(lockModule)};
const [dir, startAt] = [process.argv[1], Number(process.argv[2])];
const now = () => performance.timeOrigin + performance.now();
// Sleep most of the wait (the machine has few cores), then spin for a sub-millisecond start.
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, startAt - now() - 20));
while (now() < startAt) {}
let lock;
try { lock = lockDataDir(dir); process.stdout.write('got'); }
catch (err) { process.stdout.write(err.constructor.name === 'DataDirLockedError' ? 'refused' : 'error ' + err.message); }
setTimeout(() => { lock?.release(); }, 400);
`;

function contender(dir: string, startAt: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', CONTENDER, dir, String(startAt)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', () => resolve(out.trim()));
  });
}

describe('the data dir lock', () => {
  it('is refused while a live process holds it, and free again once released', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'lms.lock'), String(process.ppid)); // alive: our parent
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/in use by another process \(pid \d+\)/);
    rmSync(join(dir, 'lms.lock'));
    const lock = lockDataDir(dir);
    lock.release();
    lockDataDir(dir).release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is private to its owner (0600 in a 0700 dir)', () => {
    const dir = join(tempDir(), 'data');
    const lock = lockDataDir(dir);
    try {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir, 'lms.lock')).mode & 0o777).toBe(0o600);
    } finally {
      lock.release();
    }
  });

  it('goes to exactly one of several processes racing to take over a stale lock', async () => {
    const stale = deadPid();
    for (let round = 0; round < 10; round++) {
      const dir = tempDir();
      writeFileSync(join(dir, 'lms.lock'), String(stale));
      const startAt = Date.now() + 700;
      const results = await Promise.all(Array.from({ length: 3 }, () => contender(dir, startAt)));
      expect(
        results.filter((r) => r === 'got'),
        `round ${round}: ${results.join(', ')}`,
      ).toHaveLength(1);
      expect(
        results.filter((r) => r === 'refused'),
        `round ${round}: ${results.join(', ')}`,
      ).toHaveLength(2);
      // Nothing is left behind: no temp files, no claims, and the winner removed its lock.
      expect(readdirSync(dir)).toEqual([]);
    }
  });
});
