import { iso } from '../catalog/rows.ts';
import type { LabInput, LabPatch, TeachLab, TeachLabSummary } from '../contract/labs.ts';
import type { Sql } from '../db/port.ts';
import { AppError, forbidden, notFound } from '../http/errors.ts';
import { randomSuffix, slugify } from '../teaching/slug.ts';
import { labNotFound } from './queries.ts';
import type { LabLanguage } from './runner.ts';

/**
 * The lab editor's reads and writes, as the caller: RLS lets course managers (the owner
 * instructor, admins) read and write labs and their secrets. The checks here name the refusal
 * (404 unknown, 403 not yours) before RLS would.
 */

/** 404 when the course is not visible to the caller, 403 when they do not manage it. */
export async function requireManagedCourse(sql: Sql, courseId: string): Promise<void> {
  const [row] = await sql.query<{ manages: boolean }>(
    `select (select private.is_admin()) or c.id in (select private.my_managed_course_ids()) as manages
       from public.courses c where c.id = $1`,
    [courseId],
  );
  if (!row) throw notFound('course');
  if (!row.manages) throw forbidden('only the course instructor and admins edit its labs');
}

/** The lab's course, after checking the caller manages it (learners who see the lab get a 403). */
async function managedLabCourse(sql: Sql, labId: string): Promise<string> {
  const [row] = await sql.query<{ course_id: string }>('select course_id from public.labs where id = $1', [labId]);
  if (!row) throw labNotFound();
  await requireManagedCourse(sql, row.course_id);
  return row.course_id;
}

const SUMMARY_COLUMNS = `l.id, l.course_id, l.slug, l.title, l.language::text as language, l.lesson_id, l.points,
  l.is_required, l.status, l.position, l.time_limit_ms, l.memory_limit_mb, l.updated_at,
  (select count(*)::int from public.lab_submissions s where s.lab_id = l.id) as submission_count,
  (select count(distinct s.user_id)::int from public.lab_submissions s
    where s.lab_id = l.id and s.status = 'passed') as passed_learners`;

interface SummaryRow {
  id: string;
  course_id: string;
  slug: string;
  title: string;
  language: LabLanguage;
  lesson_id: string | null;
  points: number;
  is_required: boolean;
  status: 'draft' | 'published';
  position: number;
  time_limit_ms: number;
  memory_limit_mb: number;
  updated_at: unknown;
  submission_count: number;
  passed_learners: number;
}

interface LabRow extends SummaryRow {
  instructions_md: string;
  starter_code: string;
  visible_tests: string;
  hidden_tests: string | null;
  reference_solution: string | null;
  created_at: unknown;
}

const toSummary = (r: SummaryRow): TeachLabSummary => ({
  id: r.id,
  courseId: r.course_id,
  slug: r.slug,
  title: r.title,
  language: r.language,
  lessonId: r.lesson_id,
  points: r.points,
  isRequired: r.is_required,
  status: r.status,
  position: r.position,
  timeLimitMs: r.time_limit_ms,
  memoryLimitMb: r.memory_limit_mb,
  submissionCount: r.submission_count,
  passedLearners: r.passed_learners,
  updatedAt: iso(r.updated_at)!,
});

export async function courseLabs(sql: Sql, courseId: string): Promise<TeachLabSummary[]> {
  await requireManagedCourse(sql, courseId);
  const rows = await sql.query<SummaryRow>(
    `select ${SUMMARY_COLUMNS} from public.labs l where l.course_id = $1 order by l.position, l.title, l.id`,
    [courseId],
  );
  return rows.map(toSummary);
}

/** A lab with its secrets (managers only: learners are refused before anything is read). */
export async function teachLab(sql: Sql, labId: string): Promise<TeachLab> {
  await managedLabCourse(sql, labId);
  const [r] = await sql.query<LabRow>(
    `select ${SUMMARY_COLUMNS}, l.instructions_md, l.starter_code, l.visible_tests, l.created_at,
            s.hidden_tests, s.reference_solution
       from public.labs l left join public.lab_secrets s on s.lab_id = l.id
      where l.id = $1`,
    [labId],
  );
  if (!r) throw labNotFound();
  return {
    ...toSummary(r),
    instructionsMd: r.instructions_md,
    starterCode: r.starter_code,
    visibleTests: r.visible_tests,
    hiddenTests: r.hidden_tests ?? '',
    referenceSolution: r.reference_solution ?? '',
    createdAt: iso(r.created_at)!,
  };
}

/** camelCase fields to their columns, by table. */
const LAB_COLUMNS: Partial<Record<keyof LabPatch, string>> = {
  slug: 'slug',
  title: 'title',
  instructionsMd: 'instructions_md',
  language: 'language',
  starterCode: 'starter_code',
  visibleTests: 'visible_tests',
  timeLimitMs: 'time_limit_ms',
  memoryLimitMb: 'memory_limit_mb',
  points: 'points',
  isRequired: 'is_required',
  status: 'status',
  position: 'position',
  lessonId: 'lesson_id',
};
const SECRET_COLUMNS: Partial<Record<keyof LabPatch, string>> = {
  hiddenTests: 'hidden_tests',
  referenceSolution: 'reference_solution',
};
const CASTS: Partial<Record<keyof LabPatch, string>> = { language: '::public.lab_language' };

/** The present fields of `patch` that live in `columns`: column names, their placeholders (from $first), values. */
function fields(patch: LabPatch, columns: Partial<Record<keyof LabPatch, string>>, first: number) {
  const names: string[] = [];
  const params: string[] = [];
  const values: unknown[] = [];
  for (const [key, value] of Object.entries(patch) as [keyof LabPatch, unknown][]) {
    const column = columns[key];
    if (value === undefined || !column) continue;
    values.push(value);
    names.push(column);
    params.push(`$${first + values.length - 1}${CASTS[key] ?? ''}`);
  }
  const sets = names.map((name, i) => `${name} = ${params[i]}`);
  return { names, params, values, sets };
}

/** A lesson given to a lab must be a 'lab' lesson of the same course (the trigger says so too). */
async function checkLesson(sql: Sql, courseId: string, lessonId: string | null | undefined) {
  if (!lessonId) return;
  const [row] = await sql.query(
    `select 1 from public.lessons where id = $1 and course_id = $2 and content_type = 'lab'`,
    [lessonId, courseId],
  );
  if (!row) throw new AppError(422, 'invalid_lab', "the lesson must be a 'lab' lesson of this course");
}

async function slugTaken(sql: Sql, courseId: string, slug: string, except?: string): Promise<boolean> {
  const [row] = await sql.query('select 1 from public.labs where course_id = $1 and slug = $2 and id <> $3', [
    courseId,
    slug,
    except ?? '00000000-0000-0000-0000-000000000000',
  ]);
  return !!row;
}

const slugConflict = () => new AppError(409, 'slug_taken', 'another lab of this course has that slug');

export async function createLab(sql: Sql, courseId: string, input: LabInput): Promise<TeachLab> {
  await requireManagedCourse(sql, courseId);
  await checkLesson(sql, courseId, input.lessonId);
  let slug = input.slug;
  if (slug) {
    if (await slugTaken(sql, courseId, slug)) throw slugConflict();
  } else {
    const base = slugify(input.title, 73);
    slug = (await slugTaken(sql, courseId, base)) ? `${base}-${randomSuffix()}` : base;
  }
  const lab = fields({ ...input, slug }, LAB_COLUMNS, 2);
  const [row] = await sql.query<{ id: string }>(
    `insert into public.labs (course_id, ${lab.names.join(', ')}) values ($1, ${lab.params.join(', ')}) returning id`,
    [courseId, ...lab.values],
  );
  await sql.query('insert into public.lab_secrets (lab_id, hidden_tests, reference_solution) values ($1, $2, $3)', [
    row!.id,
    input.hiddenTests ?? '',
    input.referenceSolution ?? '',
  ]);
  return teachLab(sql, row!.id);
}

export async function patchLab(sql: Sql, labId: string, patch: LabPatch): Promise<TeachLab> {
  const courseId = await managedLabCourse(sql, labId);
  await checkLesson(sql, courseId, patch.lessonId);
  if (patch.slug && (await slugTaken(sql, courseId, patch.slug, labId))) throw slugConflict();
  const lab = fields(patch, LAB_COLUMNS, 2);
  if (lab.sets.length) {
    await sql.query(`update public.labs set ${lab.sets.join(', ')} where id = $1`, [labId, ...lab.values]);
  }
  const secrets = fields(patch, SECRET_COLUMNS, 2);
  if (secrets.sets.length) {
    await sql.query('insert into public.lab_secrets (lab_id) values ($1) on conflict (lab_id) do nothing', [labId]);
    await sql.query(`update public.lab_secrets set ${secrets.sets.join(', ')} where lab_id = $1`, [
      labId,
      ...secrets.values,
    ]);
  }
  return teachLab(sql, labId);
}

export async function deleteLab(sql: Sql, labId: string): Promise<void> {
  await managedLabCourse(sql, labId);
  await sql.query('delete from public.labs where id = $1', [labId]);
}
