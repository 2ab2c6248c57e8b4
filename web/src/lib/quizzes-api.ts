import type {
  AttemptQuestion,
  AttemptReview,
  BankQuestion,
  BankQuestionInput,
  BankQuestionList,
  BankQuestionPatch,
  QuizAnswer,
  QuizDetail,
  QuizInput,
  QuizList,
  QuizPatch,
  QuizQuestionInput,
  QuizQuestionOption,
  QuizQuestionPatch,
  QuizQuestionType,
  QuizReviewPolicy,
  StartedAttempt,
  SubmitAttemptResult,
  TeachQuestion,
  TeachQuestionList,
  TeachQuiz,
  TeachQuizDetail,
  TeachQuizList,
} from '../../../edge/api-types.ts';
import type { Api } from './api.ts';
import { jsonInit } from './json-init.ts';

/** Quizzes: the learner's and the quiz builder's calls to the data API, and what pages say about them. */
export function quizzesApi(api: Api) {
  const seg = encodeURIComponent;
  const json = jsonInit;
  return {
    list: (courseSlug: string) => api.getJson<QuizList>(`/api/quizzes?course=${seg(courseSlug)}`),
    detail: (id: string) => api.getJson<QuizDetail>(`/api/quizzes/${seg(id)}`),
    start: (id: string) => api.postJson<StartedAttempt>(`/api/quizzes/${seg(id)}/attempts`),
    submit: (attemptId: string, answers: Record<string, QuizAnswer>) =>
      api.postJson<SubmitAttemptResult>(`/api/attempts/${seg(attemptId)}/submit`, { answers }),
    review: (attemptId: string) => api.getJson<AttemptReview>(`/api/attempts/${seg(attemptId)}/review`),

    teachList: (courseId: string) => api.getJson<TeachQuizList>(`/api/teach/courses/${seg(courseId)}/quizzes`),
    create: (courseId: string, input: QuizInput) =>
      api.postJson<TeachQuiz>(`/api/teach/courses/${seg(courseId)}/quizzes`, input),
    teachDetail: (id: string) => api.getJson<TeachQuizDetail>(`/api/teach/quizzes/${seg(id)}`),
    update: (id: string, patch: QuizPatch) =>
      api.send<TeachQuiz>(`/api/teach/quizzes/${seg(id)}`, json('PATCH', patch)),
    remove: (id: string) => api.send<void>(`/api/teach/quizzes/${seg(id)}`, { method: 'DELETE' }),
    addQuestion: (quizId: string, input: QuizQuestionInput) =>
      api.postJson<TeachQuestion>(`/api/teach/quizzes/${seg(quizId)}/questions`, input),
    updateQuestion: (quizId: string, questionId: string, patch: QuizQuestionPatch) =>
      api.send<TeachQuestion>(`/api/teach/quizzes/${seg(quizId)}/questions/${seg(questionId)}`, json('PATCH', patch)),
    removeQuestion: (quizId: string, questionId: string) =>
      api.send<void>(`/api/teach/quizzes/${seg(quizId)}/questions/${seg(questionId)}`, { method: 'DELETE' }),
    reorder: (quizId: string, ids: string[]) =>
      api.postJson<TeachQuestionList>(`/api/teach/quizzes/${seg(quizId)}/questions/reorder`, { ids }),
    fromBank: (quizId: string, ids: string[]) =>
      api.postJson<TeachQuestionList>(`/api/teach/quizzes/${seg(quizId)}/questions/from-bank`, { ids }),
    bank: () => api.getJson<BankQuestionList>('/api/teach/question-bank'),
    saveToBank: (input: BankQuestionInput) => api.postJson<BankQuestion>('/api/teach/question-bank', input),
    updateBank: (id: string, patch: BankQuestionPatch) =>
      api.send<BankQuestion>(`/api/teach/question-bank/${seg(id)}`, json('PATCH', patch)),
    removeBank: (id: string) => api.send<void>(`/api/teach/question-bank/${seg(id)}`, { method: 'DELETE' }),
  };
}

export type QuizzesApi = ReturnType<typeof quizzesApi>;

/** A matching option's side; choice options have none. */
export const sideOf = (o: QuizQuestionOption): 'left' | 'right' | undefined => ('side' in o ? o.side : undefined);

export const QUESTION_TYPE_LABELS: Record<QuizQuestionType, string> = {
  single_choice: 'Multiple choice (one answer)',
  multiple_choice: 'Multiple choice (several answers)',
  true_false: 'True or false',
  fill_blank: 'Fill in the blank',
  matching: 'Matching',
};

export const REVIEW_POLICY_LABELS: Record<QuizReviewPolicy, string> = {
  never: 'Never show the answers',
  after_submit: 'Show the answers after each submit',
  after_pass: 'Show the answers once passed',
  after_last_attempt: 'Show the answers once passed or out of attempts',
};

/** "1:05", "12:00", "1:02:03": the time left, never negative. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** A time limit in words: "10 minutes", "1 hour 30 minutes", "45 seconds". */
export function limitText(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const parts: string[] = [];
  if (h) parts.push(`${h} ${h === 1 ? 'hour' : 'hours'}`);
  if (m) parts.push(`${m} ${m === 1 ? 'minute' : 'minutes'}`);
  if (s && !h) parts.push(`${s} ${s === 1 ? 'second' : 'seconds'}`);
  return parts.join(' ') || '0 seconds';
}

/**
 * How far the server's clock is ahead of this one (ms): the countdown runs on the server's
 * deadline, corrected by this offset so a wrong local clock does not shift it.
 */
export function clockOffset(serverNowIso: string, localNow = Date.now()): number {
  const server = Date.parse(serverNowIso);
  return Number.isNaN(server) ? 0 : server - localNow;
}

/** A learner's draft answer to one question, as the form holds it. */
export type DraftAnswer = string | string[] | boolean | Record<string, string> | undefined;

/** The answers to send: unanswered questions are left out (they score 0), empty text too. */
export function answersToSend(
  questions: readonly AttemptQuestion[],
  draft: Record<string, DraftAnswer>,
): Record<string, QuizAnswer> {
  const out: Record<string, QuizAnswer> = {};
  for (const q of questions) {
    const a = draft[q.id];
    if (a === undefined) continue;
    switch (q.type) {
      case 'single_choice':
        if (typeof a === 'string' && a) out[q.id] = a;
        break;
      case 'multiple_choice':
        if (Array.isArray(a) && a.length) out[q.id] = [...new Set(a)];
        break;
      case 'true_false':
        if (typeof a === 'boolean') out[q.id] = a;
        break;
      case 'fill_blank':
        if (typeof a === 'string' && a.trim()) out[q.id] = a;
        break;
      case 'matching':
        if (a && typeof a === 'object' && !Array.isArray(a)) {
          const pairs = Object.fromEntries(Object.entries(a).filter(([, r]) => r));
          if (Object.keys(pairs).length) out[q.id] = pairs;
        }
        break;
    }
  }
  return out;
}

/** How many questions have an answer in the draft. */
export function answeredCount(questions: readonly AttemptQuestion[], draft: Record<string, DraftAnswer>): number {
  return Object.keys(answersToSend(questions, draft)).length;
}

/** An answer (the learner's or the key's) in words, using the question's option texts. */
export function answerText(type: QuizQuestionType, options: readonly QuizQuestionOption[], answer: unknown): string {
  if (answer === null || answer === undefined) return 'No answer';
  const text = (id: unknown) => plainInline(options.find((o) => o.id === id)?.text ?? String(id));
  switch (type) {
    case 'single_choice':
      return text(answer);
    case 'multiple_choice':
      return Array.isArray(answer) && answer.length ? answer.map(text).join(', ') : 'No answer';
    case 'true_false':
      return answer === true ? 'True' : answer === false ? 'False' : 'No answer';
    case 'fill_blank':
      return Array.isArray(answer) ? answer.map(String).join(' or ') : String(answer);
    case 'matching':
      return typeof answer === 'object'
        ? Object.entries(answer as Record<string, unknown>)
            .map(([l, r]) => `${text(l)} → ${text(r)}`)
            .join('; ') || 'No answer'
        : 'No answer';
  }
}

/** "4 of 6 points (66.67%)". */
export function scoreText(score: number, maxScore: number, percent: number): string {
  return `${score} of ${maxScore} ${maxScore === 1 ? 'point' : 'points'} (${Number(percent.toFixed(2))}%)`;
}

export interface InlineSegment {
  kind: 'text' | 'code' | 'strong' | 'em';
  text: string;
}

/** `code`, **strong** and *em* spans of a one-line text, the rest plain (unclosed markers stay text). */
export function inlineSegments(text: string): InlineSegment[] {
  const out: InlineSegment[] = [];
  const re = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*]+)\*/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ kind: 'code', text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'strong', text: m[2] });
    else out.push({ kind: 'em', text: m[3]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** The same text without its inline markers (for <option>, which holds text only). */
export const plainInline = (text: string): string =>
  inlineSegments(text)
    .map((s) => s.text)
    .join('');
