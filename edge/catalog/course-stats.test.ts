// What supabase/migrations/20261123000400_point_reads_and_course_stats.sql keeps by trigger: the
// catalog card's lesson count and duration (columns of public.courses, read by the list) and
// lessons.course_published (what the lesson read policies test).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import type { Caller, Sql } from '../db/port.ts';
import { catalogQuery } from './filters.ts';
import { listCourses } from './queries.ts';

const U = '00000000-0000-4000-8000-00000000c501';
const I = '10000000-0000-4000-8000-00000000c501';
const A = '30000000-0000-4000-8000-00000000c501';
const B = '30000000-0000-4000-8000-00000000c502';
const SA = '40000000-0000-4000-8000-00000000c501';
const SB = '40000000-0000-4000-8000-00000000c502';
const lesson = (n: number) => `50000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const teacher: Caller = { role: 'authenticated', claims: { sub: U, role: 'authenticated', aud: 'authenticated' } };

// A loop, not describe.each: the Deno lane's vitest shim has no .each.
for (const engine of engines()) {
  describe(`course statistics on ${engine}`, () => {
    let t: TestDatabase;
    const owner = <T>(fn: (sql: Sql) => Promise<T>) => t.db.asOwner(fn);
    const asTeacher = (text: string, params: unknown[] = []) =>
      t.db.asCaller(teacher, (sql) => sql.query(text, params));
    const stats = async () =>
      Object.fromEntries(
        (
          await owner((sql) =>
            sql.query<{ id: string; n: number; d: number }>(
              'select id, lesson_count as n, duration_minutes as d from public.courses where id = any($1::uuid[]) order by id',
              [[A, B]],
            ),
          )
        ).map((r) => [r.id, [r.n, r.d]]),
      );
    const version = async () =>
      Number((await owner((sql) => sql.query<{ v: string }>('select private.catalog_version()::text as v')))[0]!.v);

    beforeAll(async () => {
      t = await fresh(engine);
      await t.db.runScript(`
      insert into auth.users (id, email, raw_user_meta_data) values ('${U}', 'stats@test.local', '{}');
      update public.profiles set role = 'instructor' where id = '${U}';
      insert into public.instructors (id, user_id, display_name) values ('${I}', '${U}', 'Stats Teacher');
      insert into public.courses (id, slug, title, instructor_id, status) values
        ('${A}', 'stats-a', 'Stats A', '${I}', 'published'), ('${B}', 'stats-b', 'Stats B', '${I}', 'draft');
      insert into public.sections (id, course_id, title) values ('${SA}', '${A}', 'A'), ('${SB}', '${B}', 'B');
    `);
    });
    afterAll(async () => {
      await t?.drop();
    });

    it('counts the published lessons and their minutes as an instructor writes them, in one statement', async () => {
      expect(await stats()).toEqual({ [A]: [0, 0], [B]: [0, 0] });
      const before = await version();
      await asTeacher(
        `insert into public.lessons (id, course_id, section_id, title, duration_minutes, status) values
         ($1, '${A}', '${SA}', 'One', 10, 'published'), ($2, '${A}', '${SA}', 'Two', 15, 'published'),
         ($3, '${A}', '${SA}', 'Draft', 7, 'draft'), ($4, '${B}', '${SB}', 'Other', 20, 'published')`,
        [lesson(1), lesson(2), lesson(3), lesson(4)],
      );
      expect(await stats()).toEqual({ [A]: [2, 25], [B]: [1, 20] });
      // One bump for the statement on lessons; the course updates that follow do not add one.
      expect(await version()).toBe(before + 1);
    });

    it('follows a publish, an edit of the duration, a move to another course and a delete', async () => {
      await asTeacher(`update public.lessons set status = 'published' where id = $1`, [lesson(3)]);
      expect(await stats()).toEqual({ [A]: [3, 32], [B]: [1, 20] });
      await asTeacher('update public.lessons set duration_minutes = 30 where id = $1', [lesson(1)]);
      expect(await stats()).toEqual({ [A]: [3, 52], [B]: [1, 20] });
      await asTeacher(`update public.lessons set course_id = '${B}', section_id = '${SB}' where id = $1`, [lesson(2)]);
      expect(await stats()).toEqual({ [A]: [2, 37], [B]: [2, 35] });
      await asTeacher('delete from public.lessons where id = $1', [lesson(4)]);
      expect(await stats()).toEqual({ [A]: [2, 37], [B]: [1, 15] });
    });

    it('leaves the courses alone when a statement changes nothing they show', async () => {
      const [before] = await owner((sql) =>
        sql.query<{ u: string }>('select updated_at::text as u from public.courses where id = $1', [A]),
      );
      await asTeacher(`update public.lessons set title = 'Renamed' where id = $1`, [lesson(1)]);
      const [after] = await owner((sql) =>
        sql.query<{ u: string }>('select updated_at::text as u from public.courses where id = $1', [A]),
      );
      expect(after!.u).toBe(before!.u);
    });

    it('is never written by a request (no column grant)', async () => {
      await expect(asTeacher(`update public.courses set lesson_count = 99 where id = '${A}'`)).rejects.toMatchObject({
        code: '42501',
      });
    });

    it('is what the catalog list shows', async () => {
      const list = await t.db.asCaller({ role: 'anon' }, (sql) => listCourses(sql, catalogQuery.parse({}), new Date()));
      const card = list.items.find((c) => c.id === A);
      expect(card).toMatchObject({ lessonCount: 2, durationMinutes: 37 });
      expect(list.total).toBe(list.items.length);
    });

    it("keeps each lesson's course_published with its course's status, whatever a request sends", async () => {
      const anonSees = async () =>
        (
          await t.db.asCaller({ role: 'anon' }, (sql) =>
            sql.query<{ id: string }>('select id from public.lessons where course_id = any($1::uuid[]) order by id', [
              [A, B],
            ]),
          )
        ).map((r) => r.id);
      expect(await anonSees()).toEqual([lesson(1), lesson(3)]);
      // The instructor cannot mark their draft course's lessons as published.
      await asTeacher('update public.lessons set course_published = true where id = $1', [lesson(2)]);
      expect(await anonSees()).toEqual([lesson(1), lesson(3)]);
      // An admin (here the owner) publishes B: its lessons show; archiving A hides A's.
      await owner((sql) => sql.query(`update public.courses set status = 'published' where id = $1`, [B]));
      expect(await anonSees()).toEqual([lesson(1), lesson(2), lesson(3)]);
      await owner((sql) => sql.query(`update public.courses set status = 'archived' where id = $1`, [A]));
      expect(await anonSees()).toEqual([lesson(2)]);
      await owner((sql) => sql.query(`update public.courses set status = 'published' where id = $1`, [A]));
    });

    it('is zero again after the lessons are truncated', async () => {
      await t.db.runScript('truncate public.lessons cascade');
      expect(await stats()).toEqual({ [A]: [0, 0], [B]: [0, 0] });
    });
  });
}
