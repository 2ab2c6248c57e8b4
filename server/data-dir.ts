import fs, { chmodSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The data dir holds the database (whose WAL carries live password-reset tokens), the JWT
 * secret and the lock: nobody but its owner may read any of it.
 *
 * `privateDataDir` makes every file this process creates from now on private (umask 077: dirs
 * 0700, files 0600, whatever mode a library asks for), and fixes a data dir created before
 * (or by a tool with a looser umask): any entry group or others may use loses those bits.
 * It returns the paths it fixed, for a warning. Symlinks are left alone (their mode means
 * nothing; their targets are not ours to change).
 *
 * The umask is not enough for PGlite: its Emscripten file system (NODEFS) creates each file and
 * then chmods it to the mode the wasm side tracks, 0666, and chmod ignores the umask. So the
 * host also keeps chmod from granting group or others anything (see ownerOnlyChmod).
 */
export function privateDataDir(dir: string): string[] {
  process.umask(0o077);
  ownerOnlyChmod();
  const fixed: string[] = [];
  const visit = (path: string) => {
    let stat: ReturnType<typeof lstatSync>;
    try {
      stat = lstatSync(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // not created yet, or gone meanwhile
      throw err;
    }
    if (stat.isSymbolicLink()) return;
    if (stat.mode & 0o077) {
      chmodSync(path, stat.mode & 0o700);
      fixed.push(path);
    }
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
  return fixed;
}

let chmodGuarded = false;

/**
 * Makes `fs.chmodSync` and `fs.fchmodSync` (the calls NODEFS makes, through `require('node:fs')`)
 * drop group and other bits in this process, as the umask does for creation. The host process
 * never needs to give another user access to a file it writes, so this holds process-wide.
 */
export function ownerOnlyChmod(): void {
  if (chmodGuarded) return;
  chmodGuarded = true;
  const ownerOnly = (mode: fs.Mode) => (typeof mode === 'number' ? mode : Number.parseInt(mode, 8)) & ~0o077;
  const { chmodSync: chmod, fchmodSync: fchmod } = fs;
  fs.chmodSync = (path, mode) => chmod(path, ownerOnly(mode));
  fs.fchmodSync = (fd, mode) => fchmod(fd, ownerOnly(mode));
}
