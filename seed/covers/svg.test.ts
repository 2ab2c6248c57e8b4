import { describe, expect, it } from 'vitest';
import { BUNDLES } from '../data/commerce.ts';
import { CATEGORIES, COURSES } from '../data/index.ts';
import { COVER_HEIGHT, COVER_WIDTH, coverSvg, escapeXml, wrapTitle } from './svg.ts';
import { checkSvg as checkSvgWith } from './svg-check.ts';

/** The SVG elements a cover may use (seed/covers/svg-check.ts checks the rest). */
const ELEMENTS = new Set([
  'svg',
  'title',
  'defs',
  'linearGradient',
  'stop',
  'rect',
  'circle',
  'path',
  'g',
  'text',
  'tspan',
]);
const checkSvg = (svg: string) => checkSvgWith(svg, ELEMENTS);

const names = new Map(CATEGORIES.map((c) => [c.slug, c.name]));
const all = [
  ...COURSES.map((c) => ({ slug: c.slug, title: c.title, category: c.category, label: names.get(c.category) })),
  ...BUNDLES.map((b) => ({ slug: b.slug, title: b.title, category: b.category, label: 'Bundle' })),
];

describe('coverSvg', () => {
  it('draws a well-formed, script-free 1280x720 SVG for every seeded course and bundle', () => {
    for (const input of all) {
      const svg = coverSvg(input);
      expect(checkSvg(svg), input.slug).toEqual([]);
      expect(svg).toContain(`viewBox="0 0 ${COVER_WIDTH} ${COVER_HEIGHT}"`);
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg).toContain(`<title>${escapeXml(input.title)}</title>`);
      expect(Buffer.byteLength(svg)).toBeLessThan(16_000);
    }
  });

  it('is deterministic from the slug, and different slugs give different pictures', () => {
    const input = all[0]!;
    expect(coverSvg(input)).toBe(coverSvg({ ...input }));
    const svgs = new Set(all.map((i) => coverSvg({ ...i, title: 'Same title' })));
    expect(svgs.size).toBe(all.length);
  });

  it('uses the category palette and motif, and a neutral one for anything else', () => {
    const web = coverSvg({ slug: 'a', title: 'T', category: 'web-development' });
    const data = coverSvg({ slug: 'a', title: 'T', category: 'data-science' });
    const none = coverSvg({ slug: 'a', title: 'T', category: null });
    const unknown = coverSvg({ slug: 'a', title: 'T', category: '__proto__' });
    expect(web).toContain('#1e3a8a');
    expect(data).toContain('#115e59');
    expect(none).toContain('#334155');
    expect(unknown).toBe(none);
  });

  it('escapes every piece of text', () => {
    const svg = coverSvg({
      slug: 'x',
      title: '<script>alert("1")</script> & \'more\'',
      category: 'design',
      label: 'A&B <c>',
    });
    expect(checkSvg(svg)).toEqual([]);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt;');
    expect(svg).toContain('A&amp;B &lt;C&gt;');
  });

  it('sets long titles smaller, in at most three lines, ending with an ellipsis when cut', () => {
    const short = coverSvg({ slug: 's', title: 'SQL', category: 'data-science' });
    expect(short).toContain('font-size="84"');
    const long = coverSvg({ slug: 'l', title: 'word '.repeat(80), category: 'business' });
    expect(long).toContain('font-size="60"');
    expect(long.match(/<tspan /g)).toHaveLength(3);
    expect(long).toMatch(/…<\/tspan><\/text>/);
  });
});

describe('wrapTitle', () => {
  it('keeps words whole and fills lines', () => {
    expect(wrapTitle('Docker for Developers', 12, 3)).toEqual({ lines: ['Docker for', 'Developers'], complete: true });
  });

  it('cuts a word longer than a line and ends a cut title with an ellipsis', () => {
    expect(wrapTitle('Supercalifragilistic', 8, 3)).toEqual({ lines: ['Superca…'], complete: true });
    expect(wrapTitle('one two three four five', 7, 2)).toEqual({ lines: ['one two', 'three…'], complete: false });
  });
});
