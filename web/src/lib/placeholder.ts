/**
 * A generated cover for courses without a thumbnail: a gradient picked from the slug and
 * the title's initials, as an SVG data URL (used as a decorative image, alt="").
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

function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

export function placeholderCover(seed: string, title: string): string {
  const h = hash(seed || title);
  const hue1 = h % 360;
  const hue2 = (hue1 + 40 + ((h >>> 9) % 80)) % 360;
  const text = escapeXml(initials(title));
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 180" width="320" height="180">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">` +
    `<stop offset="0" stop-color="hsl(${hue1} 55% 32%)"/><stop offset="1" stop-color="hsl(${hue2} 60% 22%)"/>` +
    `</linearGradient></defs><rect width="320" height="180" fill="url(#g)"/>` +
    `<text x="50%" y="50%" dy=".35em" text-anchor="middle" font-family="system-ui, sans-serif" font-size="64" font-weight="700" fill="#fff">${text}</text></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
