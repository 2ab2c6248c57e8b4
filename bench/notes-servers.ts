/**
 * The two shared-notes servers of bench/notes.ts, each run in a child process of its own
 * (`node --expose-gc bench/notes.ts serve ours|hocuspocus`):
 *
 * - ours: server/yjs (createYjsServer through startYjs) with authentication (HS256 access tokens,
 *   the `token` query parameter, `private.yjs_document_access` as the caller) and persistence
 *   (every update awaited into private.yjs_updates, compacted past 200) on a freshly migrated
 *   PGlite in a data directory of its own (as `npm start` runs it), or PostgreSQL when
 *   BENCH_DATABASE_URL / TEST_DATABASE_URL is set; the learners and lessons are seeded through SQL.
 * - hocuspocus: @hocuspocus/server with an onAuthenticate hook verifying the same tokens (jose)
 *   and checking the learner and the lesson, and its own persistence hooks: onStoreDocument
 *   keeps each document's encoded state in a Map (debounced as Hocuspocus does by default, and
 *   run at once when the last editor leaves), onLoadDocument reads it back.
 *
 * Each prints `READY <json>` with its port, then answers lines on stdin with one JSON line:
 * `count` (documents in memory), `heap` (heapUsed after full GCs, and the count), `cpu` (the
 * process's CPU time, process.cpuUsage), `exit`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Server as Hocuspocus } from '@hocuspocus/server';
import { jwtVerify } from 'jose';
import * as Y from 'yjs';
import { migrate } from '../server/db/migrate.ts';
import { openPglite } from '../server/db/pglite.ts';
import type { HostDatabase } from '../server/db/types.ts';
import { SECRET, startYjs } from '../server/yjs/test-world.ts';
import { freshPostgres, type TestDatabase } from '../tests/support/db.ts';

export type ServerKind = 'ours' | 'hocuspocus';

const pad = (i: number) => i.toString().padStart(12, '0');
/** Deterministic ids, so both servers (and the clients) know them without asking. */
export const learnerId = (i: number) => `00000000-0000-4000-8ccc-${pad(i)}`;
export const lessonId = (i: number) => `00000000-0000-4000-8ddd-${pad(i)}`;

export interface Seed {
  learners: number;
  lessons: number;
}

/** An instructor, a published free course with `lessons` lessons, and `learners` enrolled learners. */
async function seedCourse(db: HostDatabase, { learners, lessons }: Seed): Promise<void> {
  await db.asOwner(async (sql) => {
    const [instructor] = await sql.query<{ id: string }>(
      `insert into auth.users (id, email, raw_user_meta_data)
       values (gen_random_uuid(), 'notes-bench-teacher@example.test', '{"first_name": "Teacher"}') returning id`,
    );
    const [card] = await sql.query<{ id: string }>(
      `insert into public.instructors (user_id, display_name) values ($1, 'Teacher') returning id`,
      [instructor!.id],
    );
    const [course] = await sql.query<{ id: string }>(
      `insert into public.courses (slug, title, instructor_id, status, price_amount)
       values ('notes-bench', 'Notes bench', $1, 'published', 0) returning id`,
      [card!.id],
    );
    const [section] = await sql.query<{ id: string }>(
      `insert into public.sections (course_id, title, position) values ($1, 'Notes', 1) returning id`,
      [course!.id],
    );
    await sql.query(
      `insert into public.lessons (id, course_id, section_id, title, position)
       select ('00000000-0000-4000-8ddd-' || lpad(i::text, 12, '0'))::uuid, $2, $3, 'Lesson ' || i, i + 1
       from generate_series(0, $1::int - 1) i`,
      [lessons, course!.id, section!.id],
    );
    await sql.query(
      `insert into auth.users (id, email, raw_user_meta_data)
       select ('00000000-0000-4000-8ccc-' || lpad(i::text, 12, '0'))::uuid, 'notes-bench-' || i || '@example.test',
              jsonb_build_object('first_name', 'Learner', 'last_name', i::text)
       from generate_series(0, $1::int - 1) i`,
      [learners],
    );
    await sql.query(
      `insert into public.enrollments (user_id, course_id, source)
       select ('00000000-0000-4000-8ccc-' || lpad(i::text, 12, '0'))::uuid, $2, 'free' from generate_series(0, $1::int - 1) i`,
      [learners, course!.id],
    );
    await sql.query('analyze');
  });
}

async function heapAfterGc(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the server child with --expose-gc');
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return process.memoryUsage().heapUsed;
}

interface Running {
  port: number;
  documents(): number;
  close(): Promise<void>;
}

/** PostgreSQL when a URL is given, else PGlite in a data directory of its own (as `npm start` runs it). */
async function openDatabase(databaseUrl: string | undefined): Promise<TestDatabase> {
  if (databaseUrl) return freshPostgres(databaseUrl);
  const dir = mkdtempSync(join(tmpdir(), 'lms-notes-bench-'));
  const db = await openPglite(dir);
  await migrate(db);
  return {
    name: 'pglite',
    db,
    async drop() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function startOurs(seed: Seed, databaseUrl: string | undefined): Promise<Running & { engine: string }> {
  const database = await openDatabase(databaseUrl);
  await seedCourse(database.db, seed);
  // As the host runs it: updates journaled in the data dir, then stored (server/yjs/journal.ts).
  const journalDir = mkdtempSync(join(tmpdir(), 'lms-notes-journal-'));
  const server = await startYjs(database.db, { journalDir });
  return {
    engine: database.name,
    port: Number(new URL(server.url).port),
    documents: () => server.yjs.documents,
    async close() {
      await server.close();
      await database.drop();
      rmSync(journalDir, { recursive: true, force: true });
    },
  };
}

async function startHocuspocus(seed: Seed): Promise<Running & { engine: string }> {
  const key = new TextEncoder().encode(SECRET);
  const learners = new Set(Array.from({ length: seed.learners }, (_, i) => learnerId(i)));
  const documents = new Set(Array.from({ length: seed.lessons }, (_, i) => `cohort-note:${lessonId(i)}`));
  const stored = new Map<string, Uint8Array>();
  const server = new Hocuspocus({
    port: 0,
    address: '127.0.0.1',
    quiet: true,
    stopOnSignals: false,
    async onAuthenticate({ token, documentName }) {
      const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], audience: 'authenticated' });
      if (payload.role !== 'authenticated' || !learners.has(payload.sub ?? '') || !documents.has(documentName)) {
        throw new Error('forbidden');
      }
      return { user: payload.sub };
    },
    async onLoadDocument({ documentName }) {
      return stored.get(documentName);
    },
    async onStoreDocument({ documentName, document }) {
      stored.set(documentName, Y.encodeStateAsUpdate(document));
    },
  });
  await server.listen();
  return {
    engine: 'memory (a Map)',
    port: server.address.port,
    documents: () => server.hocuspocus.getDocumentsCount(),
    close: () => server.destroy(),
  };
}

/** Child mode: one server until `exit` (or until the bench goes away). */
export async function serve(kind: ServerKind, seed: Seed, databaseUrl: string | undefined): Promise<void> {
  const running = kind === 'ours' ? await startOurs(seed, databaseUrl) : await startHocuspocus(seed);
  const reply = (value: object) => process.stdout.write(`${JSON.stringify(value)}\n`);
  process.stdout.write(`READY ${JSON.stringify({ port: running.port, engine: running.engine })}\n`);
  for await (const line of createInterface({ input: process.stdin })) {
    const command = line.trim();
    if (command === 'count') reply({ documents: running.documents() });
    else if (command === 'cpu') reply(process.cpuUsage());
    else if (command === 'heap') reply({ heapUsed: await heapAfterGc(), documents: running.documents() });
    else if (command === 'exit') {
      await running.close().catch((err: unknown) => console.error('notes bench: closing failed', err));
      reply({ closed: true });
      process.exit(0);
    }
  }
  process.exit(1);
}
