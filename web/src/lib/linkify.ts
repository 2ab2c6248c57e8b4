/**
 * Splits plain text (a mail body) into text and link segments. Only URLs on the given
 * origin become links; anything else stays text, so a mail cannot lead off-site.
 * Loopback names are one site: a mail that says http://localhost:8787/x, read on
 * http://127.0.0.1:8787, links to http://127.0.0.1:8787/x.
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
    const href = url ? onOrigin(url, origin) : null;
    if (href) {
      push({ type: 'link', href, text: raw });
    } else {
      push({ type: 'text', text: raw });
    }
    at = start + raw.length;
  }
  push({ type: 'text', text: text.slice(at) });
  return out;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The URL moved onto `origin` if it is on the same site; null otherwise. */
function onOrigin(url: URL, origin: string): string | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.origin === origin) return url.href;
  let here: URL;
  try {
    here = new URL(origin);
  } catch {
    return null;
  }
  if (
    url.protocol === here.protocol &&
    url.port === here.port &&
    LOOPBACK.has(url.hostname) &&
    LOOPBACK.has(here.hostname)
  ) {
    return `${here.origin}${url.pathname}${url.search}${url.hash}`;
  }
  return null;
}
