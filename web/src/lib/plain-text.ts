/**
 * Plain text from markdown-ish course text (no code blocks, images, link targets, emphasis or
 * block marks; collapsed spaces), cut at `max` characters on a word with an ellipsis. Used for
 * meta descriptions by the app (meta.ts) and by the host's SEO (server/seo): a plain function, no DOM.
 */
export function plainText(value: string, max = Number.POSITIVE_INFINITY): string {
  const text = value
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*+|`+|~~|(?<!\w)_+|_+(?!\w)/g, '')
    .replace(/[#>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}
