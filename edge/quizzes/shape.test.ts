import { describe, expect, it } from 'vitest';
import { answerKeyProblem, inAttemptOrder, normaliseAnswerKey, optionsProblem, questionProblem } from './shape.ts';

const ab = [
  { id: 'a', text: 'A' },
  { id: 'b', text: 'B' },
];
const match = [
  { id: 'l1', text: 'France', side: 'left' as const },
  { id: 'l2', text: 'Peru', side: 'left' as const },
  { id: 'r1', text: 'Paris', side: 'right' as const },
  { id: 'r2', text: 'Lima', side: 'right' as const },
];

describe('question options', () => {
  it('accepts the shape each type takes', () => {
    expect(optionsProblem('single_choice', ab)).toBeNull();
    expect(optionsProblem('multiple_choice', ab)).toBeNull();
    expect(optionsProblem('true_false', [])).toBeNull();
    expect(optionsProblem('fill_blank', [])).toBeNull();
    expect(optionsProblem('matching', match)).toBeNull();
  });
  it('refuses options that do not fit', () => {
    expect(optionsProblem('single_choice', [ab[0]!])).toMatch(/two options/);
    expect(optionsProblem('single_choice', [ab[0]!, ab[0]!])).toMatch(/unique/);
    expect(optionsProblem('true_false', ab)).toMatch(/no options/);
    expect(optionsProblem('matching', ab)).toMatch(/side/);
    expect(optionsProblem('matching', match.slice(0, 2))).toMatch(/both sides/);
    expect(optionsProblem('single_choice', match)).toMatch(/no side/);
    expect(optionsProblem('single_choice', [...ab, { id: 'c', text: ' ' }])).toMatch(/text/);
  });
});

describe('answer keys', () => {
  it('accepts keys that fit their options', () => {
    expect(answerKeyProblem('single_choice', ab, { correct: 'a' })).toBeNull();
    expect(answerKeyProblem('multiple_choice', ab, { correct: ['a', 'b'] })).toBeNull();
    expect(answerKeyProblem('true_false', [], { correct: false })).toBeNull();
    expect(answerKeyProblem('fill_blank', [], { accepted: ['Paris'], caseSensitive: true })).toBeNull();
    expect(answerKeyProblem('matching', match, { pairs: { l1: 'r1', l2: 'r2' } })).toBeNull();
  });
  it('refuses keys naming unknown options or the wrong shape', () => {
    expect(answerKeyProblem('single_choice', ab, { correct: 'z' })).not.toBeNull();
    expect(answerKeyProblem('single_choice', ab, { correct: ['a'] })).not.toBeNull();
    expect(answerKeyProblem('multiple_choice', ab, { correct: [] })).not.toBeNull();
    expect(answerKeyProblem('multiple_choice', ab, { correct: ['a', 'a'] })).not.toBeNull();
    expect(answerKeyProblem('true_false', [], { correct: 'true' })).not.toBeNull();
    expect(answerKeyProblem('fill_blank', [], { accepted: [] })).not.toBeNull();
    expect(answerKeyProblem('fill_blank', [], { accepted: ['x'], extra: 1 })).not.toBeNull();
    expect(answerKeyProblem('matching', match, { pairs: { l1: 'r1' } })).toMatch(/exactly once/);
    expect(answerKeyProblem('matching', match, { pairs: { l1: 'r1', l2: 'l1' } })).toMatch(/right item/);
  });
  it('checks a whole question and fills in caseSensitive', () => {
    expect(questionProblem({ type: 'single_choice', options: ab, answer: { correct: 'b' } })).toBeNull();
    expect(questionProblem({ type: 'true_false', options: ab, answer: { correct: true } })).toMatch(/no options/);
    expect(normaliseAnswerKey('fill_blank', { accepted: ['x'] } as never)).toEqual({
      accepted: ['x'],
      caseSensitive: false,
    });
  });
});

describe('attempt order', () => {
  it("puts questions and options in the attempt's order and drops everything else", () => {
    const rows = [
      { id: 'q1', type: 'single_choice' as const, prompt: 'One', points: 1, options: ab, explanation: 'secret' },
      { id: 'q2', type: 'matching' as const, prompt: 'Two', points: 2, options: match },
    ];
    const out = inAttemptOrder(rows, ['q2', 'q1', 'gone'], { q1: ['b', 'a'], q2: ['r2', 'l1', 'r1', 'l2'] });
    expect(out.map((q) => q.id)).toEqual(['q2', 'q1']);
    expect(out[1]!.options.map((o) => o.id)).toEqual(['b', 'a']);
    expect(out[0]!.options.map((o) => o.id)).toEqual(['r2', 'l1', 'r1', 'l2']);
    expect(JSON.stringify(out)).not.toContain('secret');
    expect(Object.keys(out[1]!).sort()).toEqual(['id', 'options', 'points', 'prompt', 'type']);
  });
  it('keeps the stored order when the attempt has none', () => {
    const rows = [{ id: 'q1', type: 'single_choice' as const, prompt: 'One', points: 1, options: ab }];
    expect(inAttemptOrder(rows, ['q1'], null)[0]!.options.map((o) => o.id)).toEqual(['a', 'b']);
  });
});
