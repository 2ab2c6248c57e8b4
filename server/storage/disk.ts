import { createHash, randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, type FileHandle, link, lstat, mkdir, open, realpath, rename, rmdir, unlink } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { errors, StorageError } from './errors.ts';
import { versionPath } from './paths.ts';

/**
 * The bytes of stored objects, on local disk under one root:
 *   <root>/<bucket>/<name>/<version>   one immutable file per version (see paths.ts)
 *   <root>/.tmp/                       uploads in progress (renamed into place when complete)
 *   <root>/.tus/                       resumable uploads in progress (@tus/file-store)
 * Files are written to .tmp and renamed into place, so a reader never sees half a file. A
 * symlink anywhere under the root is refused: every directory is checked with realpath and
 * every file opened with O_NOFOLLOW.
 */

export interface StoredFile {
  path: string;
  size: number;
  /** The MD5 of the bytes, hex, as S3 (and so Supabase) shapes an ETag. */
  md5: string;
}

export interface OpenedFile {
  handle: FileHandle;
  size: number;
  mtime: Date;
}

export interface TempWriter {
  write(chunk: Uint8Array): Promise<void>;
  /** Closes the file; resolves with what was written. */
  finish(): Promise<StoredFile>;
  /** Closes and removes the file (idempotent). */
  abort(): Promise<void>;
}

export class Disk {
  readonly root: string;

  private constructor(root: string) {
    this.root = root;
  }

  /** Opens (creating) the root: owner-only permissions, resolved to its real path. */
  static async open(root: string): Promise<Disk> {
    await mkdir(root, { recursive: true, mode: 0o700 });
    const real = await realpath(root);
    const disk = new Disk(real);
    await mkdir(disk.tempDir, { recursive: true, mode: 0o700 });
    await mkdir(disk.tusDir, { recursive: true, mode: 0o700 });
    return disk;
  }

  get tempDir(): string {
    return join(this.root, '.tmp');
  }

  get tusDir(): string {
    return join(this.root, '.tus');
  }

  /**
   * A new temp file that counts and hashes what it is given, and refuses (EntityTooLarge,
   * removing the file) the first chunk that takes it past `limit` bytes.
   */
  async tempWriter(limit: number): Promise<TempWriter> {
    const path = join(this.tempDir, randomUUID());
    const handle = await open(
      path,
      constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | constants.O_NOFOLLOW,
      0o600,
    );
    const hash = createHash('md5');
    let size = 0;
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await handle.close();
    };
    const abort = async () => {
      await close().catch(() => undefined);
      await unlink(path).catch(() => undefined);
    };
    return {
      async write(chunk) {
        size += chunk.length;
        if (size > limit) {
          await abort();
          throw errors.entityTooLarge();
        }
        hash.update(chunk);
        let offset = 0;
        while (offset < chunk.length) {
          const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
          offset += bytesWritten;
        }
      },
      async finish() {
        await handle.sync();
        await close();
        return { path, size, md5: hash.digest('hex') };
      },
      abort,
    };
  }

  /** Writes a whole stream to a temp file (see tempWriter). */
  async writeTemp(source: AsyncIterable<Uint8Array>, limit: number): Promise<StoredFile> {
    const writer = await this.tempWriter(limit);
    try {
      for await (const chunk of source) await writer.write(chunk);
      return await writer.finish();
    } catch (err) {
      await writer.abort();
      throw err;
    }
  }

  /** Moves a finished file (a temp file, or a completed resumable upload) into place as `version`. */
  async place(from: string, bucket: string, name: string, version: string): Promise<string> {
    const target = versionPath(this.root, bucket, name, version);
    await this.ensureDir(dirname(target));
    await rename(from, target);
    return target;
  }

  /**
   * Another name for the bytes of an existing version (copy and move): a hard link, as versions
   * are never changed in place; a copy when the file system cannot link.
   */
  async duplicate(
    from: { bucket: string; name: string; version: string },
    to: { bucket: string; name: string; version: string },
  ): Promise<string> {
    const source = versionPath(this.root, from.bucket, from.name, from.version);
    const target = versionPath(this.root, to.bucket, to.name, to.version);
    try {
      await this.checkDir(dirname(source));
      await this.ensureDir(dirname(target));
      await link(source, target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw errors.noSuchKey();
      if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK') throw err;
      await copyFile(source, target, constants.COPYFILE_EXCL);
    }
    return target;
  }

  /** Opens a version for reading: a regular file, no symlink on the way. */
  async openVersion(bucket: string, name: string, version: string): Promise<OpenedFile> {
    const path = versionPath(this.root, bucket, name, version);
    try {
      await this.checkDir(dirname(path));
      const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
      const stat = await handle.stat();
      if (!stat.isFile()) {
        await handle.close();
        throw errors.noSuchKey();
      }
      return { handle, size: stat.size, mtime: stat.mtime };
    } catch (err) {
      // A symlink on the way (checkDir) reads as a missing object.
      if (err instanceof StorageError) throw errors.noSuchKey();
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ELOOP' || code === 'ENOTDIR') throw errors.noSuchKey();
      throw err;
    }
  }

  /** Removes a version's file and the directories it leaves empty (up to the bucket's). */
  async removeVersion(bucket: string, name: string, version: string): Promise<void> {
    await this.removeFile(versionPath(this.root, bucket, name, version), join(this.root, bucket));
  }

  /** Removes a file (ignoring one already gone) and then its empty parent directories below `stop`. */
  async removeFile(path: string, stop = this.root): Promise<void> {
    await unlink(path).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
    let dir = dirname(path);
    while (dir !== stop && relative(stop, dir) && !relative(stop, dir).startsWith('..')) {
      try {
        await rmdir(dir);
      } catch {
        return; // not empty (or gone): stop climbing
      }
      dir = dirname(dir);
    }
  }

  /** The object's directory, created if needed, and checked to be the real path it should be. */
  private async ensureDir(dir: string): Promise<void> {
    // The deepest part that exists must be a real directory before anything is created under it.
    let existing = dir;
    for (;;) {
      try {
        // A version file where a folder is needed (object `a` beside a name `a/<its version>`)
        // is a key this layout cannot hold: refused, never a 500.
        if (!(await lstat(existing)).isDirectory()) throw errors.invalidKey(relative(this.root, dir));
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || existing === this.root) throw err;
        existing = dirname(existing);
      }
    }
    await this.checkDir(existing);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await this.checkDir(dir);
  }

  private async checkDir(dir: string): Promise<void> {
    const real = await realpath(dir);
    if (real !== dir) throw errors.invalidKey(relative(this.root, dir));
  }
}
