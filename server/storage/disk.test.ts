import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Disk } from './disk.ts';
import { StorageError } from './errors.ts';

const V1 = '0b6c2f4e-7a1d-4c55-9e3a-1f2d3c4b5a69';
const V2 = '1b6c2f4e-7a1d-4c55-9e3a-1f2d3c4b5a69';

async function* chunks(...parts: string[]) {
  for (const p of parts) yield new TextEncoder().encode(p);
}

describe('the storage disk', () => {
  let base: string;
  let disk: Disk;
  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'lms-disk-'));
    disk = await Disk.open(join(base, 'storage'));
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('writes through a temp file, hashes it, and moves it into place', async () => {
    const file = await disk.writeTemp(chunks('hello ', 'world'), 100);
    expect(file).toMatchObject({ size: 11, md5: '5eb63bbbe01eeed093cb22bb8f5acdc3' });
    await disk.place(file.path, 'avatars', 'u/a.png', V1);
    expect(readdirSync(disk.tempDir)).toEqual([]);
    const opened = await disk.openVersion('avatars', 'u/a.png', V1);
    expect(opened.size).toBe(11);
    await opened.handle.close();
  });

  it("refuses a name whose folder would be another object's version file, with a 400", async () => {
    const file = await disk.writeTemp(chunks('x'), 100);
    await disk.place(file.path, 'avatars', 'u/b.png', V1);
    const clash = await disk.writeTemp(chunks('y'), 100);
    await expect(disk.place(clash.path, 'avatars', `u/b.png/${V1}`, V2)).rejects.toMatchObject({
      statusCode: 400,
      code: 'InvalidKey',
    });
    await disk.removeFile(clash.path, disk.tempDir);
  });

  it('refuses past the limit and leaves no temp file', async () => {
    await expect(disk.writeTemp(chunks('12345', '678'), 6)).rejects.toMatchObject({ code: 'EntityTooLarge' });
    expect(readdirSync(disk.tempDir)).toEqual([]);
  });

  it('links a version for copy and move, and removes versions with their empty folders', async () => {
    await disk.duplicate(
      { bucket: 'avatars', name: 'u/a.png', version: V1 },
      { bucket: 'avatars', name: 'v/b/c.png', version: V2 },
    );
    const copy = await disk.openVersion('avatars', 'v/b/c.png', V2);
    expect(copy.size).toBe(11);
    await copy.handle.close();
    await disk.removeVersion('avatars', 'v/b/c.png', V2);
    expect(readdirSync(join(disk.root, 'avatars'))).toEqual(['u']);
    await expect(disk.openVersion('avatars', 'v/b/c.png', V2)).rejects.toBeInstanceOf(StorageError);
  });

  it('refuses symlinks anywhere under the root, for reads and writes', async () => {
    const outside = join(base, 'outside');
    mkdirSync(join(outside, 'x.png'), { recursive: true });
    writeFileSync(join(outside, 'x.png', V1), 'secret');
    symlinkSync(outside, join(disk.root, 'avatars', 'evil'));
    await expect(disk.openVersion('avatars', 'evil/x.png', V1)).rejects.toMatchObject({ code: 'NoSuchKey' });
    const file = await disk.writeTemp(chunks('x'), 10);
    await expect(disk.place(file.path, 'avatars', 'evil/new/y.png', V2)).rejects.toMatchObject({ code: 'InvalidKey' });
    expect(readdirSync(outside)).toEqual(['x.png']);
    // A symlinked version file is not followed either.
    mkdirSync(join(disk.root, 'avatars', 'u', 'l.png'));
    symlinkSync(join(outside, 'x.png', V1), join(disk.root, 'avatars', 'u', 'l.png', V1));
    await expect(disk.openVersion('avatars', 'u/l.png', V1)).rejects.toMatchObject({ code: 'NoSuchKey' });
  });
});
