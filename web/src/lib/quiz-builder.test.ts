import { describe, expect, it } from 'vitest';
import { draftFrom, draftProblem, draftToInput, emptyDraft, moved, nextId, questionSummary } from './quiz-builder.ts';

describe('the question form', () => {
  it('turns a choice form into options and a key, dropping empty options', () => {
    const d = emptyDraft('multiple_choice');
    d.prompt = ' Pick two ';
    d.choices = [
      { id: 'o1', text: 'A' },
      { id: 'o2', text: '' },
      { id: 'o3', text: 'C' },
    ];
    d.correct = ['o1', 'o3', 'o2'];
    expect(draftProblem(d)).toBeNull();
    expect(draftToInput(d)).toEqual({
      type: 'multiple_choice',
      prompt: 'Pick two',
      points: 1,
      explanation: '',
      options: [
        { id: 'o1', text: 'A' },
        { id: 'o3', text: 'C' },
      ],
      answer: { correct: ['o1', 'o3'] },
    });
  });

  it('says what is missing', () => {
    const d = emptyDraft('single_choice');
    expect(draftProblem(d)).toBe('Write the question.');
    d.prompt = 'Q';
    expect(draftProblem(d)).toBe('Give at least two options.');
    d.choices = [
      { id: 'o1', text: 'A' },
      { id: 'o2', text: 'B' },
    ];
    expect(draftProblem(d)).toBe('Mark the correct answer.');
    d.correct = ['o1', 'o2'];
    expect(draftProblem(d)).toBe('Mark one correct answer.');
    const f = { ...emptyDraft('fill_blank'), prompt: 'Q', accepted: ' \n ' };
    expect(draftProblem(f)).toMatch(/accepted/);
    const m = { ...emptyDraft('matching'), prompt: 'Q' };
    m.pairs = [{ leftId: 'l1', left: 'France', rightId: 'r1', right: '' }];
    expect(draftProblem(m)).toMatch(/both sides/);
  });

  it('round-trips every type through the API shape', () => {
    const questions = [
      {
        type: 'single_choice' as const,
        options: [
          { id: 'a', text: 'A' },
          { id: 'b', text: 'B' },
        ],
        answer: { correct: 'b' },
      },
      { type: 'true_false' as const, options: [], answer: { correct: false } },
      {
        type: 'fill_blank' as const,
        options: [],
        answer: { accepted: ['Paris', 'paris, france'], caseSensitive: true },
      },
      {
        type: 'matching' as const,
        options: [
          { id: 'l1', text: 'France', side: 'left' as const },
          { id: 'l2', text: 'Peru', side: 'left' as const },
          { id: 'r1', text: 'Paris', side: 'right' as const },
          { id: 'r2', text: 'Lima', side: 'right' as const },
        ],
        answer: { pairs: { l1: 'r1', l2: 'r2' } },
      },
    ];
    for (const q of questions) {
      const full = { ...q, prompt: 'Q', points: 2, explanation: 'E' };
      const back = draftToInput(draftFrom(full));
      expect(back.answer).toEqual(q.answer);
      expect(back.options).toEqual(q.options);
    }
  });

  it('helps with ids, summaries and moves', () => {
    expect(nextId('o', ['o1', 'o3'])).toBe('o2');
    expect(questionSummary('a\n\nb   c')).toBe('a b c');
    expect(questionSummary('x'.repeat(200), 10)).toHaveLength(10);
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});
