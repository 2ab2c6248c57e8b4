import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { engines, freshPostgres, TEST_DATABASE_URL, type TestDatabase } from '../../tests/support/db.ts';
import { eventually, provider, tokenFor, type World } from './test-world.ts';

/**
 * kill -9 and restart: whatever a peer saw is in the database, or in the journal the next start
 * stores first (each update is persisted or journaled before it is applied and broadcast), so the
 * note is intact on the next start.
 */

const script = fileURLToPath(new URL('./child-host.ts', import.meta.url));

function startChild(
  target: string,
  seed: boolean,
  journal?: string,
): Promise<{ url: string; world?: World; child: ChildProcess }> {
  const child = spawn(process.execPath, [script, target, seed ? 'seed' : '-', ...(journal ? [journal] : [])], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve({ ...JSON.parse(out.slice(0, out.indexOf('\n'))), child });
    });
    child.once('exit', (code) => reject(new Error(`the child host exited (${code})`)));
  });
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

let children: ChildProcess[] = [];
const text = (p: WebsocketProvider) => p.doc.getText('note').toString();

describe.each(engines())('a Yjs host killed with -9 on %s', (engine) => {
  const dbs: TestDatabase[] = [];
  const dirs: string[] = [];
  const providers: WebsocketProvider[] = [];

  /** A fresh database for the child: a PostgreSQL URL, or a PGlite data dir. */
  async function freshTarget(): Promise<string> {
    if (engine === 'postgres') {
      const pg = await freshPostgres();
      dbs.push(pg);
      const [row] = await pg.db.asOwner((sql) => sql.query<{ name: string }>('select current_database() as name'));
      const url = new URL(TEST_DATABASE_URL!);
      url.pathname = `/${row!.name}`;
      return url.toString();
    }
    return join(tempDir(), 'pglite');
  }
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'yjs-restart-'));
    dirs.push(dir);
    return dir;
  };

  afterEach(() => {
    for (const p of providers.splice(0)) p.destroy();
    for (const child of children) child.kill('SIGKILL');
    children = [];
  });
  afterAll(async () => {
    for (const pg of dbs) await pg.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  // Without a journal each update is in the database before it is shared; with one (the host's
  // default), it is journaled before it is shared and stored right after.
  for (const journaled of [false, true]) {
    it(`keeps every update a peer saw (${journaled ? 'journaled' : 'database first'})`, async () => {
      const target = await freshTarget();
      const journal = journaled ? tempDir() : undefined;
      const first = await startChild(target, true, journal);
      const w = first.world!;
      const doc = `cohort-note:${w.lesson}`;
      const a = await provider(first.url, doc, await tokenFor(w.learner));
      const b = await provider(first.url, doc, await tokenFor(w.instructor));
      providers.push(a, b);
      for (let i = 0; i < 20; i++) a.doc.getText('note').insert(text(a).length, `line ${i}\n`);
      await eventually(() => text(b) === text(a));
      const seen = text(b);
      await killed(first.child);
      for (const p of providers.splice(0)) p.destroy();

      const second = await startChild(target, false, journal);
      const c = await provider(second.url, doc, await tokenFor(w.learner2));
      providers.push(c);
      expect(text(c)).toBe(seen);
      expect(seen).toContain('line 19');
    }, 120_000);
  }
});
