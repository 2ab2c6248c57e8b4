/**
 * A generated cover for courses without a thumbnail: a gradient picked from the slug and the
 * title's initials, drawn with CSS by CourseCover (an SVG image per card cost a document, a
 * decode and a paint each on the first page).
 */

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** Up to two initials from the first words that start with a letter or digit. */
export function initials(title: string): string {
  const words = title.split(/\s+/).filter((w) => /^[\p{L}\p{N}]/u.test(w));
  const skip = new Set(['a', 'an', 'the', 'and', 'of', 'to', 'for', 'in', 'with']);
  const main = words.filter((w) => !skip.has(w.toLowerCase()));
  const pick = (main.length > 0 ? main : words).slice(0, 2);
  return pick.map((w) => [...w][0]!.toUpperCase()).join('') || '?';
}

/** The generated cover's two colours (a gradient from `from` to `to`) and its initials. */
export function coverColors(seed: string, title: string): { from: string; to: string; text: string } {
  const h = hash(seed || title);
  const hue1 = h % 360;
  const hue2 = (hue1 + 40 + ((h >>> 9) % 80)) % 360;
  return { from: `hsl(${hue1} 55% 32%)`, to: `hsl(${hue2} 60% 22%)`, text: initials(title) };
}
