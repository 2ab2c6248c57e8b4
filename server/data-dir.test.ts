import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { privateDataDir } from './data-dir.ts';

const root = mkdtempSync(join(tmpdir(), 'lms-datadir-'));
const umask = process.umask();
afterEach(() => process.umask(umask));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const mode = (path: string) => statSync(path).mode & 0o777;

describe('privateDataDir', () => {
  it('takes group and other bits off every dir and file of an existing data dir, and says which', () => {
    const dir = join(root, 'old');
    mkdirSync(join(dir, 'pglite', 'base'), { recursive: true });
    writeFileSync(join(dir, 'pglite', 'base', 'wal'), 'reset tokens', { mode: 0o666 });
    writeFileSync(join(dir, 'secrets.json'), '{}', { mode: 0o600 });
    chmodSync(join(dir, 'pglite', 'base', 'wal'), 0o666);
    for (const d of [dir, join(dir, 'pglite'), join(dir, 'pglite', 'base')]) chmodSync(d, 0o755);
    symlinkSync('/etc/hostname', join(dir, 'link'));

    const fixed = privateDataDir(dir);
    expect(fixed.sort()).toEqual(
      [dir, join(dir, 'pglite'), join(dir, 'pglite', 'base'), join(dir, 'pglite', 'base', 'wal')].sort(),
    );
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'pglite', 'base'))).toBe(0o700);
    expect(mode(join(dir, 'pglite', 'base', 'wal'))).toBe(0o600);
    expect(mode(join(dir, 'secrets.json'))).toBe(0o600);
    expect(privateDataDir(dir)).toEqual([]);
  });

  it('makes what the process creates afterwards private, even when a library asks for 0666', () => {
    privateDataDir(join(root, 'not-there-yet'));
    const file = join(root, 'new-file');
    writeFileSync(file, 'x', { mode: 0o666 });
    mkdirSync(join(root, 'new-dir'), { mode: 0o777 });
    expect(mode(file)).toBe(0o600);
    expect(mode(join(root, 'new-dir'))).toBe(0o700);
  });
});

describe('a PGlite data dir', () => {
  it('has only private files, although PGlite chmods what it creates to 0666', async () => {
    const { openPglite } = await import('./db/pglite.ts');
    const dir = join(root, 'pglite-data');
    privateDataDir(dir);
    const db = await openPglite(dir);
    try {
      await db.runScript("create table t (x text); insert into t values ('a reset token');");
    } finally {
      await db.close();
    }
    const loose: string[] = [];
    const visit = (path: string) => {
      const stat = statSync(path);
      if (stat.mode & 0o077) loose.push(`${path} ${(stat.mode & 0o777).toString(8)}`);
      if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    };
    visit(dir);
    expect(loose).toEqual([]);
  });
});
