import type {
  QuizQuestionInput,
  QuizQuestionOption,
  QuizQuestionType,
  TeachQuestion,
} from '../../../edge/api-types.ts';

/**
 * The quiz builder's question form as plain data, and the conversions to and from the API's
 * question (options plus answer key). Pure, so the rules are unit-tested apart from the page.
 */

export interface ChoiceDraft {
  id: string;
  text: string;
}

export interface PairDraft {
  leftId: string;
  left: string;
  rightId: string;
  right: string;
}

export interface QuestionDraft {
  type: QuizQuestionType;
  prompt: string;
  points: number;
  explanation: string;
  /** single and multiple choice. */
  choices: ChoiceDraft[];
  /** Ids of the correct choices (one for single choice). */
  correct: string[];
  /** true/false. */
  truth: boolean;
  /** fill in the blank: one accepted answer a line. */
  accepted: string;
  caseSensitive: boolean;
  /** matching. */
  pairs: PairDraft[];
}

/** An id not yet used among `taken`: o1, o2, ... */
export function nextId(prefix: string, taken: readonly string[]): string {
  for (let n = 1; ; n++) {
    const id = `${prefix}${n}`;
    if (!taken.includes(id)) return id;
  }
}

export function emptyDraft(type: QuizQuestionType = 'single_choice'): QuestionDraft {
  return {
    type,
    prompt: '',
    points: 1,
    explanation: '',
    choices: [
      { id: 'o1', text: '' },
      { id: 'o2', text: '' },
    ],
    correct: [],
    truth: true,
    accepted: '',
    caseSensitive: false,
    pairs: [
      { leftId: 'l1', left: '', rightId: 'r1', right: '' },
      { leftId: 'l2', left: '', rightId: 'r2', right: '' },
    ],
  };
}

/** The form for an existing question (its key included). */
export function draftFrom(q: Pick<TeachQuestion, 'type' | 'prompt' | 'points' | 'explanation' | 'options' | 'answer'>) {
  const d = emptyDraft(q.type);
  d.prompt = q.prompt;
  d.points = q.points;
  d.explanation = q.explanation;
  const answer = (q.answer ?? {}) as Record<string, unknown>;
  switch (q.type) {
    case 'single_choice':
    case 'multiple_choice':
      d.choices = q.options.map((o) => ({ id: o.id, text: o.text }));
      d.correct = Array.isArray(answer.correct)
        ? answer.correct.map(String)
        : typeof answer.correct === 'string'
          ? [answer.correct]
          : [];
      break;
    case 'true_false':
      d.truth = answer.correct !== false;
      break;
    case 'fill_blank':
      d.accepted = Array.isArray(answer.accepted) ? answer.accepted.map(String).join('\n') : '';
      d.caseSensitive = answer.caseSensitive === true;
      break;
    case 'matching': {
      const pairs = (answer.pairs ?? {}) as Record<string, string>;
      const text = (id: string) => q.options.find((o) => o.id === id)?.text ?? '';
      d.pairs = q.options
        .filter((o) => 'side' in o && o.side === 'left')
        .map((o) => ({ leftId: o.id, left: o.text, rightId: pairs[o.id] ?? '', right: text(pairs[o.id] ?? '') }));
      break;
    }
  }
  return d;
}

/** What is wrong with the form, in words, or null when it can be saved. */
export function draftProblem(d: QuestionDraft): string | null {
  if (!d.prompt.trim()) return 'Write the question.';
  if (!Number.isInteger(d.points) || d.points < 1 || d.points > 100) return 'Points are a whole number from 1 to 100.';
  switch (d.type) {
    case 'single_choice':
    case 'multiple_choice': {
      const filled = d.choices.filter((c) => c.text.trim());
      if (filled.length < 2) return 'Give at least two options.';
      if (filled.length > 20) return 'At most 20 options.';
      const correct = d.correct.filter((id) => filled.some((c) => c.id === id));
      if (!correct.length) return 'Mark the correct answer.';
      if (d.type === 'single_choice' && correct.length > 1) return 'Mark one correct answer.';
      return null;
    }
    case 'true_false':
      return null;
    case 'fill_blank':
      return acceptedList(d).length ? null : 'Give at least one accepted answer.';
    case 'matching': {
      const filled = d.pairs.filter((p) => p.left.trim() || p.right.trim());
      if (!filled.length) return 'Give at least one pair.';
      if (filled.some((p) => !p.left.trim() || !p.right.trim())) return 'Every pair needs both sides.';
      if (filled.length > 10) return 'At most 10 pairs.';
      return null;
    }
  }
}

const acceptedList = (d: QuestionDraft) =>
  d.accepted
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

/** The API's question (options and answer key) from the form. Call draftProblem first. */
export function draftToInput(d: QuestionDraft): QuizQuestionInput {
  const base = { type: d.type, prompt: d.prompt.trim(), points: d.points, explanation: d.explanation };
  switch (d.type) {
    case 'single_choice':
    case 'multiple_choice': {
      const options = d.choices.filter((c) => c.text.trim()).map((c) => ({ id: c.id, text: c.text.trim() }));
      const correct = d.correct.filter((id) => options.some((o) => o.id === id));
      return {
        ...base,
        options,
        answer: d.type === 'single_choice' ? { correct: correct[0]! } : { correct: [...new Set(correct)] },
      };
    }
    case 'true_false':
      return { ...base, options: [], answer: { correct: d.truth } };
    case 'fill_blank':
      return { ...base, options: [], answer: { accepted: acceptedList(d), caseSensitive: d.caseSensitive } };
    case 'matching': {
      const pairs = d.pairs.filter((p) => p.left.trim() && p.right.trim());
      const lefts: string[] = [];
      const rights: string[] = [];
      const options: QuizQuestionOption[] = [];
      const key: Record<string, string> = {};
      for (const p of pairs) {
        const leftId = p.leftId && !lefts.includes(p.leftId) ? p.leftId : nextId('l', lefts);
        lefts.push(leftId);
        const rightId =
          p.rightId && !rights.includes(p.rightId) && !lefts.includes(p.rightId) ? p.rightId : nextId('r', rights);
        rights.push(rightId);
        options.push({ id: leftId, text: p.left.trim(), side: 'left' });
        key[leftId] = rightId;
      }
      pairs.forEach((p, i) => {
        options.push({ id: rights[i]!, text: p.right.trim(), side: 'right' });
      });
      return { ...base, options, answer: { pairs: key } };
    }
  }
}

/** A short one-line summary of a question for the list. */
export function questionSummary(prompt: string, max = 120): string {
  const line = prompt.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The ids in a new order: `from` moved by `delta` (-1 up, +1 down), unchanged at the ends. */
export function moved<T>(list: readonly T[], from: number, delta: number): T[] {
  const to = from + delta;
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}
