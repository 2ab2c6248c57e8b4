import { describe, expect, it } from 'vitest';
import { crop16x9, targetWidths, thumbnailStem, thumbnailUrl } from './image-resize.ts';

describe('image-resize helpers', () => {
  it('makes the widths not larger than the source, and the smallest for a small one', () => {
    expect(targetWidths(4000)).toEqual([320, 640, 1280]);
    expect(targetWidths(1280)).toEqual([320, 640, 1280]);
    expect(targetWidths(900)).toEqual([320, 640]);
    expect(targetWidths(200)).toEqual([320]);
  });

  it('crops to 16:9 around the centre', () => {
    expect(crop16x9(1920, 1080)).toEqual({ sx: 0, sy: 0, sw: 1920, sh: 1080 });
    expect(crop16x9(1000, 1000)).toEqual({ sx: 0, sy: 218, sw: 1000, sh: 563 });
    expect(crop16x9(3000, 1000)).toEqual({ sx: 611, sy: 0, sw: 1778, sh: 1000 });
  });

  it("names the objects in the course's public folder, fresh each time", () => {
    expect(thumbnailStem('c1', 36 ** 3, () => 0.5)).toBe('c1/public/thumb-1000i000');
    expect(thumbnailStem('c1')).not.toBe(thumbnailStem('c1', Date.now() + 1));
  });

  it("builds the '{w}' URL, as a path on the same origin", () => {
    expect(thumbnailUrl('http://localhost:8787/', 'c/public/thumb-x', 'webp', 'http://localhost:8787')).toBe(
      '/storage/v1/object/course-media/c/public/thumb-x-{w}.webp',
    );
    expect(thumbnailUrl('https://p.example', 'c/public/thumb-x', 'png', 'https://site.example')).toBe(
      'https://p.example/storage/v1/object/course-media/c/public/thumb-x-{w}.png',
    );
  });
});
