import { describe, expect, it } from 'vitest';
import { coverColors, initials } from './placeholder.ts';

describe('placeholder covers', () => {
  it('takes initials from the main words', () => {
    expect(initials('Introduction to SQL')).toBe('IS');
    expect(initials('The Art of Python')).toBe('AP');
    expect(initials('éclair baking')).toBe('ÉB');
    expect(initials('  ')).toBe('?');
  });

  it('picks stable colours from the slug', () => {
    const a = coverColors('sql-basics', 'SQL basics');
    expect(a).toEqual(coverColors('sql-basics', 'SQL basics'));
    expect(a.text).toBe('SB');
    expect(a.from).toMatch(/^hsl\(\d+ 55% 32%\)$/);
    expect(a.to).toMatch(/^hsl\(\d+ 60% 22%\)$/);
    expect(coverColors('other-slug', 'SQL basics')).not.toEqual(a);
  });
});
