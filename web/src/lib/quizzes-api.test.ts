import { describe, expect, it } from 'vitest';
import type { AttemptQuestion } from '../../../edge/api-types.ts';
import {
  answersToSend,
  answerText,
  clockOffset,
  formatCountdown,
  inlineSegments,
  limitText,
  scoreText,
} from './quizzes-api.ts';

const q = (id: string, type: AttemptQuestion['type'], options: AttemptQuestion['options'] = []): AttemptQuestion => ({
  id,
  type,
  prompt: id,
  points: 1,
  options,
});
const abc = [
  { id: 'a', text: 'Alpha' },
  { id: 'b', text: 'Beta' },
];
const match = [
  { id: 'l', text: 'Left', side: 'left' as const },
  { id: 'r', text: 'Right', side: 'right' as const },
];

describe('countdown and limits', () => {
  it('formats the time left', () => {
    expect(formatCountdown(65_000)).toBe('1:05');
    expect(formatCountdown(720_000)).toBe('12:00');
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
    expect(formatCountdown(-5)).toBe('0:00');
    expect(formatCountdown(500)).toBe('0:01');
  });
  it('says a time limit in words', () => {
    expect(limitText(600)).toBe('10 minutes');
    expect(limitText(5400)).toBe('1 hour 30 minutes');
    expect(limitText(45)).toBe('45 seconds');
  });
  it("measures the server clock's offset", () => {
    expect(clockOffset('2026-01-01T00:00:10.000Z', Date.parse('2026-01-01T00:00:00.000Z'))).toBe(10_000);
    expect(clockOffset('garbage')).toBe(0);
  });
});

describe('answers', () => {
  const questions = [
    q('s', 'single_choice', abc),
    q('m', 'multiple_choice', abc),
    q('t', 'true_false'),
    q('f', 'fill_blank'),
    q('x', 'matching', match),
  ];
  it('sends only what was answered, in the shape each type takes', () => {
    expect(answersToSend(questions, { s: 'a', m: ['a', 'b', 'a'], t: false, f: ' Paris ', x: { l: 'r' } })).toEqual({
      s: 'a',
      m: ['a', 'b'],
      t: false,
      f: ' Paris ',
      x: { l: 'r' },
    });
    expect(answersToSend(questions, { s: '', m: [], f: '   ', x: { l: '' } })).toEqual({});
  });
  it('says answers in words', () => {
    expect(answerText('single_choice', abc, 'b')).toBe('Beta');
    expect(answerText('multiple_choice', abc, ['a', 'b'])).toBe('Alpha, Beta');
    expect(answerText('true_false', [], false)).toBe('False');
    expect(answerText('fill_blank', [], ['Paris', 'paris, france'])).toBe('Paris or paris, france');
    expect(answerText('matching', match, { l: 'r' })).toBe('Left → Right');
    expect(answerText('single_choice', abc, null)).toBe('No answer');
    expect(scoreText(4, 6, 66.666)).toBe('4 of 6 points (66.67%)');
  });
});

describe('inline text', () => {
  it('finds code, strong and emphasis, leaving the rest as text', () => {
    expect(inlineSegments('Use `<main>` **once** or *never*')).toEqual([
      { kind: 'text', text: 'Use ' },
      { kind: 'code', text: '<main>' },
      { kind: 'text', text: ' ' },
      { kind: 'strong', text: 'once' },
      { kind: 'text', text: ' or ' },
      { kind: 'em', text: 'never' },
    ]);
    expect(inlineSegments('a ` b')).toEqual([{ kind: 'text', text: 'a ` b' }]);
    expect(inlineSegments('<script>x</script>')).toEqual([{ kind: 'text', text: '<script>x</script>' }]);
  });
});
