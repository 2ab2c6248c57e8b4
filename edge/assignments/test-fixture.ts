/**
 * Assignments on the edge harness's fixture catalog (tests/support/edge-harness.ts, whose ids the
 * tests pass in: edge/ code may not import test support), inserted as the owner: the student and
 * `other` are enrolled in the free course; `outsider` is enrolled in nothing. Files are
 * storage.objects rows (what the storage service writes after an upload), with the metadata
 * public.submit_assignment checks.
 */

export const A = {
  open: 'a1000000-0000-4000-8000-000000000001',
  closed: 'a1000000-0000-4000-8000-000000000002',
  penalty: 'a1000000-0000-4000-8000-000000000003',
  draft: 'a1000000-0000-4000-8000-000000000004',
  textOnly: 'a1000000-0000-4000-8000-000000000005',
  paid: 'a1000000-0000-4000-8000-000000000006',
} as const;

export const outsider = '00000000-0000-4000-8000-0000000000aa';

export const RUBRIC = [
  { id: 'clarity', criterion: 'Clear writing', points: 6 },
  { id: 'depth', criterion: 'Depth of analysis', points: 4 },
];

/** The harness's users and courses this fixture uses. */
export interface FixtureIds {
  student: string;
  other: string;
  free: string;
  paid: string;
}

export function assignmentsFixture(ids: FixtureIds) {
  const folder = (user: string, assignment: string) => `${user}/${ids.free}/${assignment}`;

  const files = {
    /** The student's PDF for the open assignment. */
    essay: {
      path: `${folder(ids.student, A.open)}/b0000000-0000-4000-8000-000000000001-essay.pdf`,
      name: 'essay.pdf',
      size: 2048,
      type: 'application/pdf',
    },
    /** A GIF: the bucket takes it, the open assignment does not (PDF and PNG only). */
    gif: {
      path: `${folder(ids.student, A.open)}/b0000000-0000-4000-8000-000000000002-anim.gif`,
      name: 'anim.gif',
      size: 1000,
      type: 'image/gif',
    },
    /** Larger than the open assignment's 100 kB. */
    huge: {
      path: `${folder(ids.student, A.open)}/b0000000-0000-4000-8000-000000000003-scan.pdf`,
      name: 'scan.pdf',
      size: 300_000,
      type: 'application/pdf',
    },
    /** The other learner's file: the student may not hand it in. */
    others: {
      path: `${folder(ids.other, A.open)}/b0000000-0000-4000-8000-000000000004-theirs.pdf`,
      name: 'theirs.pdf',
      size: 1024,
      type: 'application/pdf',
    },
    /** The student's own file, but filed under another assignment's folder. */
    wrongFolder: {
      path: `${folder(ids.student, A.penalty)}/b0000000-0000-4000-8000-000000000005-old.pdf`,
      name: 'old.pdf',
      size: 1024,
      type: 'application/pdf',
    },
    /** Named in a submission, but never uploaded. */
    missing: {
      path: `${folder(ids.student, A.open)}/b0000000-0000-4000-8000-000000000006-ghost.pdf`,
      name: 'ghost.pdf',
      size: 1024,
      type: 'application/pdf',
    },
  } as const;

  const object = (f: { path: string; size: number; type: string }, owner: string) =>
    `('submissions', '${f.path}', '${owner}', '${owner}', '{"size":${f.size},"mimetype":"${f.type}"}')`;

  const ASSIGNMENTS_FIXTURE = `
  insert into auth.users (id, email, raw_user_meta_data) values
    ('${outsider}', 'outsider@test.local', '{"first_name":"Out","last_name":"Sider"}');
  insert into public.enrollments (user_id, course_id, source) values
    ('${ids.student}', '${ids.free}', 'free'), ('${ids.other}', '${ids.free}', 'free');
  insert into public.assignments (id, course_id, title, instructions, due_at, late_policy, late_penalty_percent,
                                  max_points, passing_points, submission_types, allowed_file_types, max_file_bytes,
                                  rubric, status, position) values
    ('${A.open}', '${ids.free}', 'Write an essay', 'Write **500** words about *markup*.', now() + interval '7 days',
     'accept', 0, 10, 5, '{text,file}', '{application/pdf,image/png}', 100000,
     '${JSON.stringify(RUBRIC)}', 'published', 1),
    ('${A.closed}', '${ids.free}', 'Closed task', 'Too late now.', now() - interval '1 day',
     'reject', 0, 100, null, '{text}', default, default, '[]', 'published', 2),
    ('${A.penalty}', '${ids.free}', 'Late but welcome', 'Costs 20%.', now() - interval '1 day',
     'penalty', 20, 50, 10, '{text,file}', default, default, '[]', 'published', 3),
    ('${A.draft}', '${ids.free}', 'Not ready', 'Draft.', null, 'accept', 0, 100, null, '{text}', default, default,
     '[]', 'draft', 4),
    ('${A.textOnly}', '${ids.free}', 'Text only', 'Type it.', null, 'accept', 0, 100, null, '{text}', default, default,
     '[]', 'published', 5),
    ('${A.paid}', '${ids.paid}', 'Pandas homework', 'Clean it.', null, 'accept', 0, 100, null, '{text}', default,
     default, '[]', 'published', 1);
  insert into storage.objects (bucket_id, name, owner_id, owner, metadata) values
    ${object(files.essay, ids.student)},
    ${object(files.gif, ids.student)},
    ${object(files.huge, ids.student)},
    ${object(files.others, ids.other)},
    ${object(files.wrongFolder, ids.student)};
  `;
  return { files, sql: ASSIGNMENTS_FIXTURE };
}
