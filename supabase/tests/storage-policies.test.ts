import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostDatabase } from '../../server/db/types.ts';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import {
  attemptFrom,
  COURSE,
  LESSON,
  matches,
  type Outcome,
  ROLES,
  type Role,
  seedFixtures,
  USER,
} from './fixtures.ts';
import { D } from './matrix.ts';

/**
 * Who may do what in each storage bucket (supabase/migrations/..._storage_buckets_and_policies.sql):
 * every bucket × verb × fixture role, on the objects below, each cell in its own rolled-back
 * transaction. A cell is the rows seen or affected, or the SQLSTATE (D = 42501, denied).
 *
 * Fixtures: the instructor teaches the free (published), paid (published) and draft courses;
 * the student, other student and employee are enrolled in the free course, the employee also in
 * the paid one. The free course's drip lesson is not open yet.
 */

const { student } = USER;
const OBJECTS = {
  avatar: `${student}/a.png`,
  freeCover: `${COURSE.free}/public/cover.png`,
  draftCover: `${COURSE.draft}/public/cover.png`,
  previewVideo: `${COURSE.free}/lessons/${LESSON.freePreview}/v.mp4`,
  openVideo: `${COURSE.free}/lessons/${LESSON.freeOpen}/v.mp4`,
  dripVideo: `${COURSE.free}/lessons/${LESSON.freeDrip}/v.mp4`,
  notes: `${COURSE.free}/resources/notes.pdf`,
  essay: `${student}/${COURSE.free}/essay.pdf`,
  certificate: `${student}/cert.pdf`,
};
const SEED: [bucket: string, name: string][] = [
  ['avatars', OBJECTS.avatar],
  ['course-media', OBJECTS.freeCover],
  ['course-media', OBJECTS.draftCover],
  ['course-media', OBJECTS.previewVideo],
  ['course-media', OBJECTS.openVideo],
  ['course-media', OBJECTS.dripVideo],
  ['course-media', OBJECTS.notes],
  ['submissions', OBJECTS.essay],
  ['certificates', OBJECTS.certificate],
];

const me = '(select auth.uid())::text';
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const where = (bucket: string, name: string) => `bucket_id = ${q(bucket)} and name = ${q(name)}`;
const sees = (bucket: string, name: string) =>
  `select count(*)::int as n from storage.objects where ${where(bucket, name)}`;
const inserts = (bucket: string, name: string) =>
  `insert into storage.objects (bucket_id, name, owner_id) values (${q(bucket)}, ${name}, ${me})`;
const updates = (bucket: string, name: string) =>
  `update storage.objects set metadata = '{"size": 1}' where ${where(bucket, name)}`;
const deletes = (bucket: string, name: string) => `delete from storage.objects where ${where(bucket, name)}`;

type Verb = 'select' | 'insert' | 'update' | 'delete';
interface Cell {
  bucket: string;
  verb: Verb;
  what: string;
  sql: string;
  /** anon, student, otherStudent, instructor, otherInstructor, admin, companyAdmin, employee */
  expect: Outcome[];
}
const c = (bucket: string, verb: Verb, what: string, sql: string, expect: Outcome[]): Cell => ({
  bucket,
  verb,
  what,
  sql,
  expect,
});

// biome-ignore format: a table, one row per case, one column per role
const CELLS: Cell[] = [
  // avatars: public read; each user writes only <uid>/...
  c('avatars', 'select', "the student's avatar", sees('avatars', OBJECTS.avatar),                 [1, 1, 1, 1, 1, 1, 1, 1]),
  c('avatars', 'insert', 'an avatar in own folder', inserts('avatars', `${me} || '/new.png'`),      [D, 1, 1, 1, 1, 1, 1, 1]),
  c('avatars', 'insert', "an avatar in the student's folder",
    inserts('avatars', q(`${student}/evil.png`)),                                                  [D, 1, D, D, D, D, D, D]),
  c('avatars', 'update', "the student's avatar", updates('avatars', OBJECTS.avatar),               [0, 1, 0, 0, 0, 0, 0, 0]),
  c('avatars', 'delete', "the student's avatar", deletes('avatars', OBJECTS.avatar),               [0, 1, 0, 0, 0, 0, 0, 0]),

  // course-media: <course>/public/ for everyone once published; lesson folders for the preview
  // (everyone) or the learners the lesson is open to; the rest for the course's learners.
  c('course-media', 'select', 'the free course cover', sees('course-media', OBJECTS.freeCover),   [1, 1, 1, 1, 1, 1, 1, 1]),
  c('course-media', 'select', 'the draft course cover', sees('course-media', OBJECTS.draftCover), [0, 0, 0, 1, 0, 1, 0, 0]),
  c('course-media', 'select', 'a preview lesson video', sees('course-media', OBJECTS.previewVideo),
                                                                                                   [1, 1, 1, 1, 1, 1, 1, 1]),
  c('course-media', 'select', 'an open lesson video', sees('course-media', OBJECTS.openVideo),    [0, 1, 1, 1, 0, 1, 0, 1]),
  c('course-media', 'select', 'a drip-locked lesson video', sees('course-media', OBJECTS.dripVideo),
                                                                                                   [0, 0, 0, 1, 0, 1, 0, 0]),
  c('course-media', 'select', 'course resources', sees('course-media', OBJECTS.notes),             [0, 1, 1, 1, 0, 1, 0, 1]),
  c('course-media', 'insert', 'a lesson video in the free course',
    inserts('course-media', q(`${COURSE.free}/lessons/${LESSON.freeOpen}/new.mp4`)),             [D, D, D, 1, D, 1, D, D]),
  c('course-media', 'insert', "a cover in the other instructor's draft",
    inserts('course-media', q(`${COURSE.otherDraft}/public/cover.png`)),                          [D, D, D, D, 1, 1, D, D]),
  c('course-media', 'update', 'course resources', updates('course-media', OBJECTS.notes),         [0, 0, 0, 1, 0, 1, 0, 0]),
  c('course-media', 'delete', 'course resources', deletes('course-media', OBJECTS.notes),         [0, 0, 0, 1, 0, 1, 0, 0]),

  // submissions: <uid>/<course>/...; the learner while enrolled writes; the learner and the
  // course's instructor read.
  c('submissions', 'select', "the student's essay", sees('submissions', OBJECTS.essay),           [0, 1, 0, 1, 0, 1, 0, 0]),
  c('submissions', 'insert', 'own work for the free course',
    inserts('submissions', `${me} || '/${COURSE.free}/new.pdf'`),                                  [D, 1, 1, D, D, D, D, 1]),
  c('submissions', 'insert', 'own work for the paid course',
    inserts('submissions', `${me} || '/${COURSE.paid}/new.pdf'`),                                  [D, D, D, D, D, D, D, 1]),
  c('submissions', 'insert', "work in the student's folder",
    inserts('submissions', q(`${student}/${COURSE.free}/forged.pdf`)),                             [D, 1, D, D, D, D, D, D]),
  c('submissions', 'update', "the student's essay", updates('submissions', OBJECTS.essay),        [0, 1, 0, 0, 0, 0, 0, 0]),
  c('submissions', 'delete', "the student's essay", deletes('submissions', OBJECTS.essay),        [0, 1, 0, 0, 0, 0, 0, 0]),

  // certificates: the owner (and admins) read; nobody writes through the API.
  c('certificates', 'select', "the student's certificate", sees('certificates', OBJECTS.certificate),
                                                                                                   [0, 1, 0, 0, 0, 1, 0, 0]),
  c('certificates', 'insert', 'a certificate for oneself', inserts('certificates', `${me} || '/c.pdf'`),
                                                                                                   [D, D, D, D, D, D, D, D]),
  c('certificates', 'update', "the student's certificate", updates('certificates', OBJECTS.certificate),
                                                                                                   [0, 0, 0, 0, 0, 0, 0, 0]),
  c('certificates', 'delete', "the student's certificate", deletes('certificates', OBJECTS.certificate),
                                                                                                   [0, 0, 0, 0, 0, 0, 0, 0]),
];

const show = (o: Outcome) => (typeof o === 'number' ? `${o}` : o === D ? 'denied' : o);
const cells = CELLS.flatMap((cell) =>
  ROLES.map((role, i) => ({
    name: `${cell.bucket} ${cell.verb} ${cell.what}: ${role} → ${show(cell.expect[i]!)}`,
    role,
    cell,
    expected: cell.expect[i]!,
  })),
);

const SEED_SQL = `insert into storage.objects (bucket_id, name, owner_id) values ${SEED.map(
  ([bucket, name]) => `(${q(bucket)}, ${q(name)}, ${q(name.split('/')[0]!)})`,
).join(', ')}`;

/** The owner seeds the objects, then the caller runs `cell` in the same transaction; always rolled back. */
/** A cell as `role`, from the storage fixtures, always rolled back. */
const attempt = (db: HostDatabase, role: Role, cell: Cell): Promise<Outcome> =>
  cell.verb === 'select'
    ? attemptFrom(db, role, [SEED_SQL], cell.sql)
    : attemptFrom(db, role, [SEED_SQL], 'select tests.affected($1) as n', [cell.sql]);

describe.each(engines())('storage policies on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await fresh(engine);
    await seedFixtures(t.db);
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('covers every bucket and verb', () => {
    const buckets = ['avatars', 'course-media', 'submissions', 'certificates'];
    const verbs: Verb[] = ['select', 'insert', 'update', 'delete'];
    const missing = buckets.flatMap((b) =>
      verbs.filter((v) => !CELLS.some((cell) => cell.bucket === b && cell.verb === v)).map((v) => `${b} ${v}`),
    );
    expect(missing).toEqual([]);
  });

  it('creates the buckets with their limits', async () => {
    const rows = await t.db.asOwner((sql) =>
      sql.query<{ id: string; public: boolean; limit: string }>(
        'select id, public, file_size_limit::text as limit from storage.buckets order by id',
      ),
    );
    expect(rows).toEqual([
      { id: 'avatars', public: true, limit: String(2 * 1024 * 1024) },
      { id: 'certificates', public: false, limit: String(10 * 1024 * 1024) },
      { id: 'course-media', public: false, limit: String(2 * 1024 * 1024 * 1024) },
      { id: 'submissions', public: false, limit: String(50 * 1024 * 1024) },
    ]);
  });

  it.each(cells)('$name', async ({ role, cell, expected }) => {
    const actual = await attempt(t.db, role, cell);
    expect(matches(actual, expected), `${role}: got ${show(actual)}, expected ${show(expected)}`).toBe(true);
  });
});
