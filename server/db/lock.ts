import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  linkSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {}

/** A claim on a stale lock older than this belongs to a process that died while taking over. */
const CLAIM_ABANDONED_MS = 10_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const code = (err: unknown) => (err as NodeJS.ErrnoException).code;

/** The lock file's holder and identity (inode), or null when there is none. */
function readLock(path: string): { pid: number; ino: number } | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    if (code(err) === 'ENOENT') return null;
    throw err;
  }
  try {
    const buf = Buffer.alloc(32);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return { pid: Number.parseInt(buf.subarray(0, n).toString('utf8'), 10), ino: fstatSync(fd).ino };
  } finally {
    closeSync(fd);
  }
}

const tryUnlink = (path: string) => {
  try {
    unlinkSync(path);
  } catch (err) {
    if (code(err) !== 'ENOENT') throw err;
  }
};

/**
 * PGlite has no lock of its own: two processes on one data dir corrupt it. This takes
 * `<dir>/lms.lock` (our pid, mode 0600), refuses while a live process holds it, and takes over
 * a stale one (its process is gone).
 *
 * Every step is atomic, so two processes racing for one lock never both get it:
 * - taking a free lock: our pid goes into a private temp file, which is then hard-linked to
 *   `lms.lock`; link() fails if the name exists, so exactly one process wins;
 * - taking over a stale lock (inode I): first claim it by hard-linking `lms.lock` to
 *   `lms.lock.claim-I`, again exclusive, and check the claim really is inode I (the lock may have
 *   been replaced meanwhile). The one claimer of I then replaces I with its own file (rename is
 *   atomic); everyone else starts over and finds a live holder. Deleting a stale lock and
 *   re-creating it (what this did before) let a second process delete the first one's new lock.
 */
export function lockDataDir(dir: string): { release(): void } {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, 'lms.lock');
  const tmp = join(dir, `lms.lock.${process.pid}.${randomBytes(6).toString('hex')}`);
  writeFileSync(tmp, String(process.pid), { mode: 0o600, flag: 'wx' });
  try {
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        linkSync(tmp, path);
        return held(path, statSync(path).ino);
      } catch (err) {
        if (code(err) !== 'EEXIST') throw err;
      }
      const holder = readLock(path);
      if (!holder) continue; // released meanwhile: try again
      if (Number.isInteger(holder.pid) && holder.pid !== process.pid && alive(holder.pid)) {
        throw new DataDirLockedError(
          `the data dir ${dir} is in use by another process (pid ${holder.pid}). ` +
            'Stop that server first, or point DATA_DIR somewhere else.',
        );
      }
      if (takeOver(path, holder.ino, tmp)) return held(path, statSync(path).ino);
    }
    throw new DataDirLockedError(`could not lock the data dir ${dir}: other processes keep taking it`);
  } finally {
    tryUnlink(tmp);
  }
}

/** Replaces the stale lock of inode `ino` with ours, if we are the one process that claims it. */
function takeOver(path: string, ino: number, tmp: string): boolean {
  const claim = `${path}.claim-${ino}`;
  try {
    linkSync(path, claim);
  } catch (err) {
    if (code(err) === 'ENOENT') return false; // the lock went away: start over
    if (code(err) !== 'EEXIST') throw err;
    // Someone else is taking over this very lock; a claim left by a crash is cleared after a while.
    try {
      if (Date.now() - statSync(claim).ctimeMs > CLAIM_ABANDONED_MS) tryUnlink(claim);
    } catch (e) {
      if (code(e) !== 'ENOENT') throw e;
    }
    return false;
  }
  try {
    // Our claim names inode `ino`, but `path` may have been replaced between our read and link.
    if (statSync(claim).ino !== ino) return false;
    renameSync(tmp, path);
    return true;
  } finally {
    tryUnlink(claim);
  }
}

function held(path: string, ino: number): { release(): void } {
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      // Remove the lock only if it is still ours.
      if (readLock(path)?.ino === ino) tryUnlink(path);
    },
  };
}
