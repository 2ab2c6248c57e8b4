import { describe, expect, it } from 'vitest';
import type { SessionQuestion } from '../../../edge/api-types.ts';
import {
  applyQuestion,
  belongsTo,
  charCount,
  removedId,
  removeQuestion,
  sortQuestions,
  toQuestion,
  withVote,
} from './session-questions.ts';

const question = (id: string, over: Partial<SessionQuestion> = {}): SessionQuestion => ({
  id,
  sessionId: 's1',
  author: { id: 'u1', name: 'Riley Park' },
  body: `question ${id}`,
  status: 'visible',
  pinned: false,
  answered: false,
  answer: null,
  answeredAt: null,
  votes: 0,
  createdAt: '2026-01-01T10:00:00.000Z',
  mine: false,
  ...over,
});
const live = (q: SessionQuestion) => belongsTo('live', q);

describe('the live question list', () => {
  it('reads broadcast payloads and refuses what is not a question', () => {
    expect(toQuestion(question('a'))).toEqual(question('a'));
    expect(toQuestion({ ...question('a'), author: null })?.author).toBeNull();
    expect(toQuestion({ id: 'a' })).toBeNull();
    expect(toQuestion({ ...question('a'), status: 'deleted' })).toBeNull();
    expect(toQuestion('nope')).toBeNull();
    expect(removedId({ id: 'a' })).toBe('a');
    expect(removedId({})).toBeNull();
  });

  it('replaces a question by id, adds new ones, keeps "mine" and drops what left the view', () => {
    const list = [question('a', { mine: true }), question('b')];
    const updated = applyQuestion(list, question('a', { votes: 3, pinned: true }), live);
    expect(updated).toHaveLength(2);
    expect(updated.find((q) => q.id === 'a')).toMatchObject({ votes: 3, pinned: true, mine: true });
    expect(applyQuestion(list, question('c'), live).map((q) => q.id)).toEqual(['a', 'b', 'c']);
    expect(applyQuestion(list, question('b', { status: 'hidden' }), live).map((q) => q.id)).toEqual(['a']);
    expect(removeQuestion(list, 'b').map((q) => q.id)).toEqual(['a']);
    expect(removeQuestion(list, 'zz')).toBe(list);
  });

  it('says which view a question belongs to', () => {
    expect(live(question('a', { status: 'pending' }))).toBe(false);
    expect(live(question('a', { status: 'pending', mine: true }))).toBe(true);
    expect(belongsTo('queue', question('a', { status: 'pending' }))).toBe(true);
    expect(belongsTo('hidden', question('a', { status: 'hidden' }))).toBe(true);
    expect(belongsTo('hidden', question('a'))).toBe(false);
  });

  it('sorts by votes with pinned first, or newest first', () => {
    const list = [
      question('old', { votes: 5, createdAt: '2026-01-01T09:00:00.000Z' }),
      question('pin', { pinned: true, createdAt: '2026-01-01T08:00:00.000Z' }),
      question('new', { votes: 5, createdAt: '2026-01-01T11:00:00.000Z' }),
      question('zero', { createdAt: '2026-01-01T12:00:00.000Z' }),
    ];
    expect(sortQuestions(list, 'votes').map((q) => q.id)).toEqual(['pin', 'new', 'old', 'zero']);
    expect(sortQuestions(list, 'newest').map((q) => q.id)).toEqual(['zero', 'new', 'old', 'pin']);
    expect(list[0]!.id).toBe('old');
  });

  it('keeps my votes and counts characters', () => {
    const votes = withVote(new Set(['a']), 'b', true);
    expect([...votes].sort()).toEqual(['a', 'b']);
    expect([...withVote(votes, 'a', false)]).toEqual(['b']);
    expect(charCount('hello', 500)).toBe('5 of 500 characters');
  });
});
