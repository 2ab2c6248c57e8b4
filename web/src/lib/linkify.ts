/**
 * Splits plain text (a mail body) into text and link segments. Only URLs on the given
 * origin become links; anything else stays text, so a mail cannot lead off-site.
 */
export type TextSegment = { type: 'text'; text: string } | { type: 'link'; href: string; text: string };

const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?)\]}]+$/;

export function linkify(text: string, origin: string): TextSegment[] {
  const out: TextSegment[] = [];
  const push = (seg: TextSegment) => {
    const last = out[out.length - 1];
    if (seg.type === 'text' && last?.type === 'text') last.text += seg.text;
    else if (seg.text) out.push(seg);
  };
  let at = 0;
  for (const m of text.matchAll(URL_PATTERN)) {
    const start = m.index;
    let raw = m[0];
    // Sentence punctuation after a URL is not part of it (but keep balanced parentheses).
    const trail = TRAILING.exec(raw);
    if (trail) raw = raw.slice(0, raw.length - trail[0].length);
    push({ type: 'text', text: text.slice(at, start) });
    let url: URL | null = null;
    try {
      url = new URL(raw);
    } catch {
      url = null;
    }
    if (url && (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === origin) {
      push({ type: 'link', href: url.href, text: raw });
    } else {
      push({ type: 'text', text: raw });
    }
    at = start + raw.length;
  }
  push({ type: 'text', text: text.slice(at) });
  return out;
}
