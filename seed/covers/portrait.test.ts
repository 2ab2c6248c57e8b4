import { describe, expect, it } from 'vitest';
import { INSTRUCTORS } from '../data/index.ts';
import { monogram, PORTRAIT_SIZE, portraitSvg } from './portrait.ts';
import { checkSvg } from './svg-check.ts';

const ELEMENTS = new Set([
  'svg',
  'title',
  'defs',
  'linearGradient',
  'radialGradient',
  'stop',
  'rect',
  'circle',
  'ellipse',
  'path',
  'g',
  'text',
]);

const pattern = (svg: string) => svg.split('\n')[7];

describe('portraitSvg', () => {
  it('draws a well-formed, script-free square SVG for every seeded instructor', () => {
    for (const i of INSTRUCTORS) {
      const svg = portraitSvg({ name: i.displayName, expertise: i.expertise });
      expect(checkSvg(svg, ELEMENTS), i.displayName).toEqual([]);
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg).toContain(`viewBox="0 0 ${PORTRAIT_SIZE} ${PORTRAIT_SIZE}"`);
      expect(svg).toContain(`<title>${i.displayName}</title>`);
      expect(svg).toContain(`>${monogram(i.displayName)}</text>`);
      // A bust, not a pair of initials on a gradient: head, neck, shoulders and hair are drawn.
      expect(svg).toMatch(/<ellipse cx="256" cy="196"/);
      expect(svg.match(/<path /g)!.length).toBeGreaterThanOrEqual(3);
      expect(Buffer.byteLength(svg)).toBeLessThan(16_000);
    }
  });

  it('is deterministic, and the seeded instructors all look different', () => {
    const [a] = INSTRUCTORS;
    expect(portraitSvg({ name: a!.displayName, expertise: a!.expertise })).toBe(
      portraitSvg({ name: a!.displayName, expertise: [...a!.expertise] }),
    );
    const svgs = new Set(INSTRUCTORS.map((i) => portraitSvg({ name: i.displayName, expertise: i.expertise })));
    expect(svgs.size).toBe(INSTRUCTORS.length);
  });

  it('takes the backdrop pattern from the expertise and the figure from the name', () => {
    const names = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Edsger Dijkstra', 'Barbara Liskov', 'Ken Thompson'];
    const figures = new Set(
      names.map((n) =>
        portraitSvg({ name: n, expertise: ['x'] })
          .split('\n')
          .slice(9)
          .join('\n'),
      ),
    );
    expect(figures.size).toBe(names.length);
    const patterns = new Set(
      ['SQL', 'Go', 'UX research', 'Kubernetes', 'Rust', 'Statistics', 'CSS', 'Product'].map((e) =>
        pattern(portraitSvg({ name: 'Ada Lovelace', expertise: [e] }))!.slice(0, 12),
      ),
    );
    expect(patterns.size).toBeGreaterThan(1);
    const same = portraitSvg({ name: 'Ada Lovelace', expertise: ['SQL'] });
    const other = portraitSvg({ name: 'Ada Lovelace', expertise: ['Rust'] });
    expect(same.split('\n').slice(9)).toEqual(other.split('\n').slice(9));
  });

  it('escapes the name and makes a monogram of up to two letters', () => {
    const svg = portraitSvg({ name: '<script>alert("x")</script> & Co', expertise: [] });
    expect(checkSvg(svg, ELEMENTS)).toEqual([]);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(monogram('Maya Chen')).toBe('MC');
    expect(monogram('  jordan   van der blake ')).toBe('JB');
    expect(monogram('Cher')).toBe('C');
    expect(monogram('Émile Zola')).toBe('ÉZ');
    expect(monogram('')).toBe('');
    expect(portraitSvg({ name: '&', expertise: [] })).toContain('>&amp;</text>');
  });
});
