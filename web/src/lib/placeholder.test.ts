import { describe, expect, it } from 'vitest';
import { initials, placeholderCover } from './placeholder.ts';

describe('placeholder covers', () => {
  it('takes initials from the main words', () => {
    expect(initials('Introduction to SQL')).toBe('IS');
    expect(initials('The Art of Python')).toBe('AP');
    expect(initials('éclair baking')).toBe('ÉB');
    expect(initials('  ')).toBe('?');
  });

  it('makes a stable SVG data URL with escaped text', () => {
    const a = placeholderCover('sql-basics', 'SQL basics');
    expect(a).toBe(placeholderCover('sql-basics', 'SQL basics'));
    expect(a.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    const svg = decodeURIComponent(a.split(',')[1]!);
    expect(svg).toContain('>SB</text>');
    expect(decodeURIComponent(placeholderCover('x', '<script> &'))).not.toContain('<script>');
  });
});
