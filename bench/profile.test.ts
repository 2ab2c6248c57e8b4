import { describe, expect, it } from 'vitest';
import { topFrames } from './profile.ts';

describe('CPU profile summary', () => {
  it('sums self time per function and names its package', () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(idle)', '') },
        { id: 2, callFrame: frame('parse', 'file:///app/node_modules/pg-protocol/dist/parser.js') },
        { id: 3, callFrame: frame('parse', 'file:///app/node_modules/pg-protocol/dist/parser.js') },
        { id: 4, callFrame: frame('', 'file:///app/edge/catalog/rows.ts') },
      ],
      samples: [1, 1, 1, 1, 2, 3, 2, 4],
    };
    expect(topFrames(profile, 2)).toEqual([
      { name: '(idle)', share: 0.5 },
      { name: 'parse pg-protocol', share: 0.375 },
    ]);
    expect(topFrames(profile).at(-1)).toEqual({ name: '(anonymous) rows.ts', share: 0.125 });
  });
});
