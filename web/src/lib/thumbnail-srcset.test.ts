import { describe, expect, it } from 'vitest';
import { coverSources } from './thumbnail-srcset.ts';

describe('coverSources', () => {
  it('uses a plain URL as it is', () => {
    expect(coverSources('/storage/v1/object/course-media/c/public/cover.svg?v=1', [])).toEqual({
      src: '/storage/v1/object/course-media/c/public/cover.svg?v=1',
    });
    expect(coverSources('https://cdn.example/a.png', [320])).toEqual({ src: 'https://cdn.example/a.png' });
  });

  it("lists each width of a '{w}' URL, src nearest 640 px", () => {
    expect(coverSources('/m/thumb-k1-{w}.webp', [1280, 320, 640, 320])).toEqual({
      src: '/m/thumb-k1-640.webp',
      srcset: '/m/thumb-k1-320.webp 320w, /m/thumb-k1-640.webp 640w, /m/thumb-k1-1280.webp 1280w',
    });
    expect(coverSources('/m/t-{w}.webp', [320])).toEqual({ src: '/m/t-320.webp', srcset: '/m/t-320.webp 320w' });
  });

  it('escapes what would split a srcset entry', () => {
    expect(coverSources('/m/a b,c-{w}.webp', [320])?.srcset).toBe('/m/a%20b%2Cc-320.webp 320w');
  });

  it('gives nothing for no URL, unsafe URLs, or a {w} URL without widths', () => {
    expect(coverSources(null, [])).toBeNull();
    expect(coverSources('', [320])).toBeNull();
    expect(coverSources('javascript:alert(1)', [])).toBeNull();
    expect(coverSources('//evil.example/{w}.png', [320])).toBeNull();
    expect(coverSources('/m/t-{w}.webp', [])).toBeNull();
    expect(coverSources('/m/t-{w}.webp', [0, -5, 1.5])).toBeNull();
  });
});
