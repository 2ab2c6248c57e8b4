import type {
  LabAttempt,
  LabDetail,
  LabDraftSaved,
  LabInput,
  LabLanguage,
  LabList,
  LabPatch,
  LabProgress,
  LabQueueStats,
  LabRunResult,
  LabRunStatus,
  LabStatus,
  LabSubmissionList,
  LabSubmissionResult,
  LabSummary,
  LabTestResult,
  TeachLab,
  TeachLabList,
  TeachLabSummary,
} from '../../../edge/api-types.ts';
import { type Api, ApiError } from './api.ts';
import { jsonInit } from './json-init.ts';

/**
 * Code labs: the learner's, the instructor's and the admin's calls to the data API (edge/labs/),
 * and what the pages say about a run. Grades come only from the server; Run checks the visible
 * tests, Submit grades against the hidden ones too.
 */

export type {
  LabAttempt,
  LabDetail,
  LabInput,
  LabLanguage,
  LabProgress,
  LabQueueStats,
  LabRunResult,
  LabRunStatus,
  LabStatus,
  LabSubmissionResult,
  LabSummary,
  LabTestResult,
  TeachLab,
  TeachLabList,
  TeachLabSummary,
};

export function labsApi(api: Api) {
  const seg = encodeURIComponent;
  const json = jsonInit;
  return {
    list: (courseSlug: string) => api.getJson<LabList>(`/api/labs?course=${seg(courseSlug)}`),
    detail: (id: string) => api.getJson<LabDetail>(`/api/labs/${seg(id)}`),
    saveDraft: (id: string, code: string) =>
      api.send<LabDraftSaved>(`/api/labs/${seg(id)}/draft`, json('PUT', { code })),
    deleteDraft: (id: string) => api.send<void>(`/api/labs/${seg(id)}/draft`, { method: 'DELETE' }),
    run: (id: string, code: string) => api.postJson<LabRunResult>(`/api/labs/${seg(id)}/runs`, { code }),
    submit: (id: string, code: string) =>
      api.postJson<LabSubmissionResult>(`/api/labs/${seg(id)}/submissions`, { code }),
    /** The caller's own attempts with their code, newest first (the latest 50). */
    submissions: (id: string) => api.getJson<LabSubmissionList>(`/api/labs/${seg(id)}/submissions`),
    teachList: (courseId: string) => api.getJson<TeachLabList>(`/api/teach/courses/${seg(courseId)}/labs`),
    teachDetail: (id: string) => api.getJson<TeachLab>(`/api/teach/labs/${seg(id)}`),
    create: (courseId: string, input: LabInput) =>
      api.postJson<TeachLab>(`/api/teach/courses/${seg(courseId)}/labs`, input),
    update: (id: string, patch: LabPatch) => api.send<TeachLab>(`/api/teach/labs/${seg(id)}`, json('PATCH', patch)),
    remove: (id: string) => api.send<void>(`/api/teach/labs/${seg(id)}`, { method: 'DELETE' }),
    check: (id: string, code?: string) =>
      api.postJson<LabRunResult>(`/api/teach/labs/${seg(id)}/check`, code === undefined ? {} : { code }),
    queue: () => api.getJson<LabQueueStats>('/api/admin/labs/queue'),
  };
}

export type LabsApi = ReturnType<typeof labsApi>;

export const RUN_STATUS_LABELS: Record<LabRunStatus, string> = {
  passed: 'Passed',
  failed: 'Failed',
  error: 'Error',
  timeout: 'Timed out',
  memory: 'Out of memory',
};

export const LANGUAGE_LABELS: Record<LabLanguage, string> = {
  javascript: 'JavaScript',
  typescript: 'TypeScript',
};

/** The sentence announced after a run or a submission. */
export function runSummary(result: Pick<LabRunResult, 'status' | 'tests'>, kind: 'run' | 'submission'): string {
  const passed = result.tests.filter((t) => t.passed).length;
  const total = result.tests.length;
  const what = kind === 'run' ? 'Run' : 'Submission';
  const tally = `${passed} of ${total} ${total === 1 ? 'test' : 'tests'} passed`;
  switch (result.status) {
    case 'passed':
      return `${what} passed: ${tally}.`;
    case 'failed':
      return `${what} failed: ${tally}.`;
    case 'timeout':
      return `${what} stopped: the code ran longer than the time limit.`;
    case 'memory':
      return `${what} stopped: the code used more memory than the limit.`;
    default:
      return `${what} could not finish: the code has an error.`;
  }
}

/** "80%" or "66.67%". */
export function formatScore(score: number): string {
  return `${Number.isInteger(score) ? score : Number(score.toFixed(2))}%`;
}

/** Where the learner stands with a lab, in words and a tone for the pill. */
export function labStanding(l: Pick<LabSummary, 'passed' | 'attempts' | 'best'>): {
  label: string;
  tone: 'passed' | 'failed' | 'none';
} {
  if (l.passed) return { label: 'Passed', tone: 'passed' };
  if (l.attempts === 0) return { label: 'Not started', tone: 'none' };
  const best = l.best ? `: best ${formatScore(l.best.score)}` : '';
  return { label: `Not passed yet${best}`, tone: 'failed' };
}

/** The lab page's address (by lab slug). */
export function labHref(courseSlug: string, labSlug: string): string {
  return `/learn/${encodeURIComponent(courseSlug)}/labs/${encodeURIComponent(labSlug)}`;
}

/** How long the autosave waits after the last keystroke. */
export const DRAFT_DEBOUNCE_MS = 800;

/**
 * A debounced saver: `push(code)` saves the latest code once typing pauses for `delayMs`; a save
 * in flight is never overlapped (the newest code waits for it), and `flush()` saves now.
 */
export function createDraftSaver(save: (code: string) => Promise<void>, delayMs = DRAFT_DEBOUNCE_MS) {
  let pending: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | null = null;
  const fire = async (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    if (inFlight) {
      await inFlight;
      return fire();
    }
    if (pending === null) return;
    const code = pending;
    pending = null;
    inFlight = save(code).finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
  return {
    push(code: string) {
      pending = code;
      clearTimeout(timer);
      timer = setTimeout(() => void fire().catch(() => undefined), delayMs);
    },
    flush: () => fire(),
    cancel() {
      pending = null;
      clearTimeout(timer);
      timer = undefined;
    },
    hasPending: () => pending !== null,
  };
}

/** The lab a page address names: by slug, or by id (an old link). */
export function findLab<T extends { id: string; slug: string }>(labs: T[], slugOrId: string): T | undefined {
  return labs.find((l) => l.slug === slugOrId) ?? labs.find((l) => l.id === slugOrId);
}

/** A lab's details by its course and its slug (GET /api/labs?course=, then GET /api/labs/:id). */
export async function loadLabBySlug(calls: LabsApi, courseSlug: string, slugOrId: string): Promise<LabDetail> {
  const lab = findLab(await calls.list(courseSlug), slugOrId);
  if (!lab) throw new ApiError(404, 'lab_not_found', 'We could not find that lab in this course.');
  return calls.detail(lab.id);
}
