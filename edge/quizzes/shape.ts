import type { AttemptQuestion, QuizAnswerKey, QuizQuestionOption, QuizQuestionType } from '../contract/quizzes.ts';

/**
 * Pure rules for quiz questions: whether a question's options fit its type, whether an answer key
 * fits its options (the database checks the same on write; checking here first turns a builder's
 * mistake into a clear 422 instead of a constraint error), and putting an attempt's questions and
 * options in the order the attempt fixed.
 */

type Option = QuizQuestionOption & { side?: 'left' | 'right' };

/** Why `options` do not fit `type`, or null when they do. */
export function optionsProblem(type: QuizQuestionType, options: readonly Option[]): string | null {
  const ids = options.map((o) => o.id);
  if (new Set(ids).size !== ids.length) return 'option ids must be unique';
  switch (type) {
    case 'true_false':
    case 'fill_blank':
      return options.length ? `${type} questions have no options` : null;
    case 'single_choice':
    case 'multiple_choice':
      if (options.some((o) => o.side !== undefined)) return 'choice options have no side';
      if (options.length < 2) return 'a choice question needs at least two options';
      if (options.some((o) => !o.text.trim())) return 'every option needs a text';
      return null;
    case 'matching': {
      const left = options.filter((o) => o.side === 'left');
      const right = options.filter((o) => o.side === 'right');
      if (left.length + right.length !== options.length) return 'every matching option has a side';
      if (!left.length || !right.length) return 'matching needs items on both sides';
      if (options.some((o) => !o.text.trim())) return 'every option needs a text';
      return null;
    }
  }
}

/** Why `answer` does not fit a question of `type` with `options`, or null when it does. */
export function answerKeyProblem(
  type: QuizQuestionType,
  options: readonly Option[],
  answer: QuizAnswerKey | Record<string, unknown>,
): string | null {
  const ids = new Set(options.map((o) => o.id));
  const a = answer as Record<string, unknown>;
  switch (type) {
    case 'single_choice':
      return typeof a.correct === 'string' && ids.has(a.correct) && Object.keys(a).length === 1
        ? null
        : 'single_choice answers are {"correct": "<option id>"}';
    case 'multiple_choice': {
      const c = a.correct;
      if (!Array.isArray(c) || !c.length || Object.keys(a).length !== 1) {
        return 'multiple_choice answers are {"correct": ["<option id>", ...]}';
      }
      if (new Set(c).size !== c.length) return 'each correct option once';
      return c.every((id) => typeof id === 'string' && ids.has(id)) ? null : 'correct options must be options';
    }
    case 'true_false':
      return typeof a.correct === 'boolean' && Object.keys(a).length === 1
        ? null
        : 'true_false answers are {"correct": true|false}';
    case 'fill_blank': {
      const acc = a.accepted;
      const ok =
        Array.isArray(acc) &&
        acc.length > 0 &&
        acc.every((s) => typeof s === 'string' && s.trim()) &&
        (a.caseSensitive === undefined || typeof a.caseSensitive === 'boolean') &&
        Object.keys(a).every((k) => k === 'accepted' || k === 'caseSensitive');
      return ok ? null : 'fill_blank answers are {"accepted": ["..."], "caseSensitive": false}';
    }
    case 'matching': {
      const pairs = a.pairs;
      if (!pairs || typeof pairs !== 'object' || Array.isArray(pairs) || Object.keys(a).length !== 1) {
        return 'matching answers are {"pairs": {"<left id>": "<right id>"}}';
      }
      const left = options.filter((o) => o.side === 'left').map((o) => o.id);
      const right = new Set(options.filter((o) => o.side === 'right').map((o) => o.id));
      const p = pairs as Record<string, unknown>;
      if (Object.keys(p).length !== left.length || !left.every((id) => id in p)) {
        return 'pair every left item exactly once';
      }
      return Object.values(p).every((r) => typeof r === 'string' && right.has(r))
        ? null
        : 'every pair ends at a right item';
    }
  }
}

/** Why a whole question is wrong, or null. */
export function questionProblem(q: {
  type: QuizQuestionType;
  options: readonly Option[];
  answer: QuizAnswerKey | Record<string, unknown>;
}): string | null {
  return optionsProblem(q.type, q.options) ?? answerKeyProblem(q.type, q.options, q.answer);
}

/** The answer key as stored: fill_blank keys always say whether case matters. */
export function normaliseAnswerKey(type: QuizQuestionType, answer: QuizAnswerKey): QuizAnswerKey {
  if (type === 'fill_blank' && 'accepted' in answer) {
    return { accepted: answer.accepted, caseSensitive: answer.caseSensitive ?? false };
  }
  return answer;
}

export interface QuestionRow {
  id: string;
  type: QuizQuestionType;
  prompt: string;
  points: number;
  options: Option[];
}

/**
 * The attempt's questions in its order, each with its options in the attempt's order. Only the
 * fields a learner may see leave here (whatever else the row holds is dropped).
 */
export function inAttemptOrder(
  rows: readonly QuestionRow[],
  questionIds: readonly string[],
  optionOrder: Record<string, readonly string[]> | null,
): AttemptQuestion[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: AttemptQuestion[] = [];
  for (const id of questionIds) {
    const q = byId.get(id);
    if (!q) continue;
    out.push({
      id: q.id,
      type: q.type,
      prompt: q.prompt,
      points: q.points,
      options: ordered(q.options, optionOrder?.[id]),
    });
  }
  return out;
}

function ordered(options: readonly Option[], order: readonly string[] | undefined): QuizQuestionOption[] {
  const pick = (o: Option): QuizQuestionOption =>
    o.side === undefined ? { id: o.id, text: o.text } : { id: o.id, text: o.text, side: o.side };
  if (!order?.length) return options.map(pick);
  const rank = new Map(order.map((id, i) => [id, i]));
  return [...options]
    .sort((a, b) => (rank.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b.id) ?? Number.MAX_SAFE_INTEGER))
    .map(pick);
}
