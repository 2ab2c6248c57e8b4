import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WebsocketProvider } from 'y-websocket';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import {
  createWorld,
  eventually,
  provider,
  startYjs,
  type TestServer,
  tokenFor,
  upgradeStatus,
  type World,
} from './test-world.ts';

const text = (p: WebsocketProvider) => p.doc.getText('note').toString();

/** Opens a raw socket on a document and resolves with the close code after sending `frame`. */
function closeCodeAfter(url: string, frame: Buffer | string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('open', () => ws.send(frame));
    ws.on('close', (code) => resolve(code));
    ws.on('error', () => {});
    setTimeout(() => reject(new Error('the socket was not closed')), 5_000);
  });
}

describe.each(engines())('the Yjs server on %s', (engine) => {
  let t: TestDatabase;
  let w: World;
  let server: TestServer | undefined;
  const providers: WebsocketProvider[] = [];
  const cohort = () => `cohort-note:${w.lesson}`;
  const open = async (document: string, user: string) => {
    const p = await provider(server!.url, document, await tokenFor(user));
    providers.push(p);
    return p;
  };

  beforeAll(async () => {
    t = await fresh(engine);
    w = await createWorld(t.db);
  });
  afterAll(async () => {
    await t?.drop();
  });
  afterEach(async () => {
    for (const p of providers.splice(0)) p.destroy();
    await server?.close();
    server = undefined;
    await t.db.asOwner((sql) => sql.query('delete from public.cohort_note_locks'));
  });

  it('two editors of the cohort note converge, and the note outlives them', async () => {
    server = await startYjs(t.db);
    const a = await open(cohort(), w.learner);
    const b = await open(cohort(), w.instructor);
    a.doc.getText('note').insert(0, 'hello ');
    b.doc.getText('note').insert(0, 'world ');
    await eventually(() => text(a).length === 12 && text(a) === text(b));
    expect(server.yjs.documents).toBe(1);
    a.destroy();
    b.destroy();
    await eventually(() => server!.yjs.documents === 0);
    const c = await open(cohort(), w.learner2);
    expect(text(c)).toBe(text(a));
  });

  it('a learner writes their own note; nobody else opens it', async () => {
    server = await startYjs(t.db);
    const mine = `note:${w.lesson}:${w.learner}`;
    const p = await open(mine, w.learner);
    p.doc.getText('note').insert(0, 'private');
    const token = async (user: string) => `${server!.url}/yjs/${mine}?token=${await tokenFor(user)}`;
    expect(await upgradeStatus(await token(w.learner2))).toBe(403);
    expect(await upgradeStatus(await token(w.instructor))).toBe(403);
    expect(await upgradeStatus(await token(w.outsider))).toBe(403);
  });

  it('refuses before the upgrade: outsiders 403, bad or expired tokens 401, other paths 404', async () => {
    server = await startYjs(t.db);
    const at = (doc: string, token: string) => `${server!.url}/yjs/${doc}?token=${token}`;
    expect(await upgradeStatus(at(cohort(), await tokenFor(w.outsider)))).toBe(403);
    expect(await upgradeStatus(at(`note:${w.lesson}:${w.outsider}`, await tokenFor(w.outsider)))).toBe(403);
    expect(await upgradeStatus(at(cohort(), 'not-a-token'))).toBe(401);
    expect(await upgradeStatus(`${server.url}/yjs/${cohort()}`)).toBe(401);
    expect(await upgradeStatus(at(cohort(), await tokenFor(w.learner, -60)))).toBe(401);
    expect(await upgradeStatus(at(cohort(), await tokenFor(w.learner, 60, 'x'.repeat(40))))).toBe(401);
    expect(await upgradeStatus(at('cohort-note:nope', await tokenFor(w.learner)))).toBe(404);
    expect(await upgradeStatus(at(`page:${w.lesson}`, await tokenFor(w.learner)))).toBe(404);
    expect(await upgradeStatus(`${server.url}/elsewhere`)).toBe(404);
    expect(await upgradeStatus(at(cohort(), await tokenFor(w.learner)))).toBe(101);
  });

  it('a locked cohort note is read-only for learners: their edits are dropped, they still receive', async () => {
    server = await startYjs(t.db, { accessTtlMs: 0 });
    const teacher = await open(cohort(), w.instructor);
    const [lock] = await t.db.asCaller(
      { role: 'authenticated', claims: { sub: w.instructor, role: 'authenticated' } },
      (sql) => sql.query<{ r: { locked: boolean } }>('select public.set_cohort_note_lock($1, true) as r', [w.lesson]),
    );
    expect(lock!.r.locked).toBe(true);
    const learner = await open(cohort(), w.learner);
    learner.doc.getText('note').insert(0, 'SHOUT ');
    teacher.doc.getText('note').insert(0, 'Read chapter 2. ');
    await eventually(() => text(learner).includes('Read chapter 2.'));
    await new Promise((r) => setTimeout(r, 300));
    expect(text(teacher)).not.toContain('SHOUT');
    // A learner who opened it before the lock loses write access at their next edit.
    await t.db.asOwner((sql) => sql.query('delete from public.cohort_note_locks'));
    const early = await open(cohort(), w.learner2);
    await t.db.asOwner((sql) =>
      sql.query('insert into public.cohort_note_locks (lesson_id, locked_by) values ($1, $2)', [
        w.lesson,
        w.instructor,
      ]),
    );
    early.doc.getText('note').insert(0, 'LATE ');
    await new Promise((r) => setTimeout(r, 300));
    expect(text(teacher)).not.toContain('LATE');
  });

  it('a lock reaches a writer within accessTtlMs, however seldom its access is checked otherwise', async () => {
    server = await startYjs(t.db, { accessTtlMs: 200, accessRecheckMs: 60_000 });
    const teacher = await open(cohort(), w.instructor);
    const learner = await open(cohort(), w.learner);
    learner.doc.getText('note').insert(0, 'before ');
    await eventually(() => text(teacher).includes('before'));
    await t.db.asOwner((sql) =>
      sql.query('insert into public.cohort_note_locks (lesson_id, locked_by) values ($1, $2)', [
        w.lesson,
        w.instructor,
      ]),
    );
    await new Promise((r) => setTimeout(r, 300));
    learner.doc.getText('note').insert(0, 'after ');
    teacher.doc.getText('note').insert(0, 'teacher ');
    await eventually(() => text(learner).includes('teacher'));
    await new Promise((r) => setTimeout(r, 300));
    expect(text(teacher)).toContain('before');
    expect(text(teacher)).not.toContain('after');
  });

  it('a lock reaches writers at once: the database notifies the server, whatever accessTtlMs', async () => {
    server = await startYjs(t.db, { accessTtlMs: 60_000, accessRecheckMs: 60_000 });
    const teacher = await open(cohort(), w.instructor);
    const learner = await open(cohort(), w.learner);
    const other = await open(cohort(), w.learner2);
    learner.doc.getText('note').insert(0, 'before ');
    other.doc.getText('scratch').insert(0, 'early ');
    await eventually(() => text(teacher).includes('before') && teacher.doc.getText('scratch').length > 0);
    // The instructor locks it through the API's function; the lock read a moment ago is stale now.
    const setLock = (locked: boolean) =>
      t.db.asCaller({ role: 'authenticated', claims: { sub: w.instructor, role: 'authenticated' } }, (sql) =>
        sql.query('select public.set_cohort_note_lock($1, $2)', [w.lesson, locked]),
      );
    await setLock(true);
    await new Promise((r) => setTimeout(r, 300));
    // (A text of its own: a client whose edit was dropped cannot write again until it reconnects,
    // since its later edits build on the dropped one.)
    other.doc.getText('scratch').insert(0, 'late ');
    teacher.doc.getText('note').insert(text(teacher).length, 'teacher ');
    await eventually(() => text(learner).includes('teacher'));
    await new Promise((r) => setTimeout(r, 300));
    expect(teacher.doc.getText('scratch').toString()).toBe('early ');
    // Unlocked: a learner who was there all along writes, and everyone gets it.
    await setLock(false);
    learner.doc.getText('note').insert(text(learner).length, 'again');
    await eventually(() => text(teacher).endsWith('teacher again') && text(other).endsWith('teacher again'));
  });

  it('a learner who opened the note while it was locked writes once it is unlocked', async () => {
    server = await startYjs(t.db, { accessTtlMs: 60_000, accessRecheckMs: 60_000 });
    const asTeacher = { role: 'authenticated' as const, claims: { sub: w.instructor, role: 'authenticated' as const } };
    await t.db.asCaller(asTeacher, (sql) => sql.query('select public.set_cohort_note_lock($1, true)', [w.lesson]));
    const teacher = await open(cohort(), w.instructor);
    const learner = await open(cohort(), w.learner);
    teacher.doc.getText('note').insert(0, 'Read this. ');
    await eventually(() => text(learner).includes('Read this.'));
    await t.db.asCaller(asTeacher, (sql) => sql.query('select public.set_cohort_note_lock($1, false)', [w.lesson]));
    await new Promise((r) => setTimeout(r, 300));
    learner.doc.getText('note').insert(text(learner).length, 'Done.');
    await eventually(() => text(teacher).endsWith('Done.'));
  });

  it('an oversized, a garbage and a text frame close only their socket; the server keeps serving', async () => {
    server = await startYjs(t.db, { maxMessageBytes: 4096 });
    const a = await open(cohort(), w.learner);
    const url = `${server.url}/yjs/${cohort()}?token=${await tokenFor(w.learner2)}`;
    expect(await closeCodeAfter(url, Buffer.alloc(5000, 1))).toBe(1009);
    expect(await closeCodeAfter(url, Buffer.from([0, 2, 200, 1, 2, 3]))).toBe(1007);
    expect(await closeCodeAfter(url, Buffer.from([0, 2, 5, 1, 2, 3, 4, 5]))).toBe(1007);
    expect(await closeCodeAfter(url, Buffer.from([1, 4, 1, 2, 3, 4]))).toBe(1007);
    expect(await closeCodeAfter(url, Buffer.from([9]))).toBe(1003);
    expect(await closeCodeAfter(url, 'hello')).toBe(1003);
    const b = await open(cohort(), w.learner2);
    a.doc.getText('note').insert(0, 'still here ');
    await eventually(() => text(b).includes('still here'));
  });
});
