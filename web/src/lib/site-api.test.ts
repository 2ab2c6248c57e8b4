import { describe, expect, it } from 'vitest';
import { LEGAL_LINKS, legalPath, move } from './site-api.ts';

describe('site api helpers', () => {
  it('moves an item up and down, and ignores moves out of range', () => {
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(move(['a', 'b'], 1, 2)).toEqual(['a', 'b']);
  });
  it('names the three legal pages and encodes their paths', () => {
    expect(LEGAL_LINKS.map((l) => l.slug)).toEqual(['terms', 'privacy', 'refund-policy']);
    expect(legalPath('a/b')).toBe('/api/site/legal/a%2Fb');
  });
});
