import { describe, expect, it } from 'vitest';
import { randomSuffix, slugCandidate, slugify } from './slug.ts';

describe('slugify', () => {
  it('turns a title into a slug', () => {
    expect(slugify('Intro to HTML & CSS!')).toBe('intro-to-html-css');
    expect(slugify('  Café Crème: Basics  ')).toBe('cafe-creme-basics');
  });
  it('falls back when nothing is left and cuts long titles on a word edge', () => {
    expect(slugify('¿¡!?')).toBe('course');
    const long = slugify(`${'a'.repeat(79)} bcd`);
    expect(long).toBe('a'.repeat(79));
    expect(/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slugify('x -- y'))).toBe(true);
  });
  it('adds a random suffix after the first attempt', () => {
    expect(slugCandidate('html', 0, () => 'abc123')).toBe('html');
    expect(slugCandidate('html', 1, () => 'abc123')).toBe('html-abc123');
    expect(/^[0-9a-f]{6}$/.test(randomSuffix())).toBe(true);
  });
});
