import type { SupabaseClient } from '@supabase/supabase-js';
import type {
  AssignmentDetail,
  AssignmentInput,
  AssignmentLatePolicy,
  AssignmentList,
  AssignmentPatch,
  GradeBody,
  Gradebook,
  GradingQueue,
  GradingSubmission,
  SubmissionFile,
  SubmissionResponse,
  SubmissionStatus,
  TeachAssignment,
  TeachAssignmentList,
} from '../../../edge/api-types.ts';
import type { Api } from './api.ts';
import { jsonInit } from './json-init.ts';
import { formatBytes, type UploadRules } from './upload.ts';

/**
 * Assignments: the learner's and the grader's calls to the data API, and what the pages say
 * about them. Files are object paths in the private `submissions` bucket; links to them are
 * signed here, as the signed-in user, so storage's own rules decide who may open them.
 */

export const SUBMISSIONS_BUCKET = 'submissions';
/** How long a link to a submitted file stays valid. */
export const FILE_LINK_SECONDS = 10 * 60;

export function assignmentsApi(api: Api) {
  const seg = encodeURIComponent;
  const json = jsonInit;
  return {
    list: (courseSlug: string) => api.getJson<AssignmentList>(`/api/assignments?course=${seg(courseSlug)}`),
    detail: (id: string) => api.getJson<AssignmentDetail>(`/api/assignments/${seg(id)}`),
    submit: (id: string, body: { text: string | null; files: SubmissionFile[] }) =>
      api.postJson<SubmissionResponse>(`/api/assignments/${seg(id)}/submissions`, body),
    gradebook: (courseSlug: string) => api.getJson<Gradebook>(`/api/courses/${seg(courseSlug)}/gradebook`),
    teachList: (courseId: string) =>
      api.getJson<TeachAssignmentList>(`/api/teach/courses/${seg(courseId)}/assignments`),
    create: (courseId: string, input: AssignmentInput) =>
      api.postJson<TeachAssignment>(`/api/teach/courses/${seg(courseId)}/assignments`, input),
    update: (id: string, patch: AssignmentPatch) =>
      api.send<TeachAssignment>(`/api/teach/assignments/${seg(id)}`, json('PATCH', patch)),
    remove: (id: string) => api.send<void>(`/api/teach/assignments/${seg(id)}`, { method: 'DELETE' }),
    queue: (query: { course?: string; status: 'ungraded' | 'all' }) => {
      const qs = new URLSearchParams({ status: query.status });
      if (query.course) qs.set('course', query.course);
      return api.getJson<GradingQueue>(`/api/teach/grading?${qs}`);
    },
    submission: (id: string) => api.getJson<GradingSubmission>(`/api/teach/submissions/${seg(id)}`),
    grade: (id: string, body: GradeBody) =>
      api.postJson<SubmissionResponse>(`/api/teach/submissions/${seg(id)}/grade`, body),
  };
}

export type AssignmentsApi = ReturnType<typeof assignmentsApi>;

export const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus, string> = {
  submitted: 'Submitted',
  late: 'Submitted late',
  graded: 'Graded',
};

export const LATE_POLICY_LABELS: Record<AssignmentLatePolicy, string> = {
  accept: 'Late work is accepted',
  penalty: 'Late work loses points',
  reject: 'Late work is not accepted',
};

/** The late policy in a sentence, with the penalty when there is one. */
export function latePolicyText(policy: AssignmentLatePolicy, penaltyPercent: number): string {
  if (policy === 'penalty') return `Late work loses ${penaltyPercent}% of its points.`;
  return `${LATE_POLICY_LABELS[policy]}.`;
}

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/*': 'images',
  'application/zip': 'ZIP',
  'text/plain': 'plain text',
  'text/markdown': 'Markdown',
  'text/csv': 'CSV',
};

/** "PDF, PNG or ZIP files". */
export function typesLabel(types: readonly string[]): string {
  const names = types.map((t) => TYPE_NAMES[t] ?? t);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : (names[0] ?? '');
  return `${list} files`;
}

/** The upload rules of one assignment (its allowed types and size; the bucket checks again). */
export function assignmentRules(a: { allowedFileTypes: string[]; maxFileBytes: number }): UploadRules {
  return { maxBytes: a.maxFileBytes, types: a.allowedFileTypes, typesLabel: typesLabel(a.allowedFileTypes) };
}

/** A file name safe in an object path: letters, digits, dot, dash and underscore; at most 80 characters. */
export function safeName(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|-+$/g, '');
  const trimmed = cleaned.slice(-80);
  return trimmed || 'file';
}

/** Where a file goes: `<uid>/<courseId>/<assignmentId>/<uuid>-<name>` (the API gives the folder). */
export function submissionPath(folder: string, fileName: string, id: string = crypto.randomUUID()): string {
  return `${folder}/${id}-${safeName(fileName)}`;
}

/** "12 of 20 points", "not graded yet". */
export function pointsText(points: number | null, max: number): string {
  if (points === null) return 'not graded yet';
  return `${formatPoints(points)} of ${max} points`;
}

export function formatPoints(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
}

/** The sum of rubric marks, ignoring blanks. */
export function sumMarks(marks: Record<string, number | null | undefined>): number {
  return Object.values(marks).reduce<number>(
    (sum, v) => sum + (typeof v === 'number' && Number.isFinite(v) ? v : 0),
    0,
  );
}

/** Signed links for submitted files (storage RLS: the learner, the course's instructor, admins). */
export async function signFileLinks(supabase: SupabaseClient, paths: string[]): Promise<Map<string, string>> {
  if (paths.length === 0) return new Map();
  const { data, error } = await supabase.storage.from(SUBMISSIONS_BUCKET).createSignedUrls(paths, FILE_LINK_SECONDS);
  if (error) throw error;
  return new Map(
    (data ?? []).filter((d) => d.signedUrl && d.path).map((d) => [d.path as string, d.signedUrl as string]),
  );
}

/** A bar of the gradebook's chart (components/learn/ScoreChart.tsx). */
export interface Score {
  label: string;
  /** 0–100. */
  percent: number;
  kind: 'quiz' | 'assignment';
}

/** The chart's bars: each quiz's best score and each graded assignment's final points, in percent. */
export function scoresOf(book: Gradebook): Score[] {
  return [
    ...book.quizzes
      .filter((q) => q.bestPercent !== null)
      .map((q) => ({ label: q.title, percent: q.bestPercent!, kind: 'quiz' as const })),
    ...book.assignments
      .filter((a) => a.finalPoints !== null)
      .map((a) => ({ label: a.title, percent: (a.finalPoints! / a.maxPoints) * 100, kind: 'assignment' as const })),
  ];
}

export { formatBytes };
