/**
 * Text for the PDF standard fonts: Helvetica speaks WinAnsi only, and pdf-lib throws on any
 * other character. `toWinAnsi` keeps what the font can draw ("Zoë Ødegård", "€", "—"), folds
 * what has a plain form ("Łukasz" -> "Lukasz", "ő" -> "o", "ﬁ" -> "fi"), turns line breaks, tabs
 * and odd spaces into one space, drops other control and format characters (bidi overrides,
 * zero-width joiners), and draws anything else (Chinese, emoji) as one "?" per character as seen.
 * `wrapText` breaks a clean string into lines no wider than a width, splitting long words.
 */
export type CanEncode = (codePoint: number) => boolean;

/** Letters WinAnsi lacks whose decomposition does not lead to a plain letter. */
const FOLD: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ħ: 'h',
  Ħ: 'H',
  ı: 'i',
  ŀ: 'l',
  Ŀ: 'L',
  ŧ: 't',
  Ŧ: 'T',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2015': '\u2014',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u2044': '/',
};

/** Characters every WinAnsi font draws as they are: printable ASCII and Latin-1, common punctuation, €. */
const PLAIN = /^[\x20-\x7e\u00a1-\u00ac\u00ae-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]*$/;
const CONTROL = /^\p{Cc}/u;
const LINE_BREAK_CONTROL = /^[\t\n\v\f\r\x85]/;
const SEPARATOR = /^[\p{Zl}\p{Zp}\p{Zs}]$/u;
let segmenter: Intl.Segmenter | undefined;

function fits(s: string, canEncode: CanEncode): boolean {
  for (const ch of s) if (!canEncode(ch.codePointAt(0)!)) return false;
  return true;
}

function foldGrapheme(grapheme: string, canEncode: CanEncode): string {
  if (CONTROL.test(grapheme)) return LINE_BREAK_CONTROL.test(grapheme) ? ' ' : '';
  const g = grapheme.replace(/\p{Cf}/gu, '');
  if (g === '') return '';
  if (SEPARATOR.test(g)) return ' ';
  if (fits(g, canEncode)) return g;
  const folded = [...g]
    .map((ch) => FOLD[ch] ?? ch)
    .join('')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
  return folded !== '' && fits(folded, canEncode) ? folded : '?';
}

/** A single-line string the font can draw, at most `maxLength` characters (cut with "…"). */
export function toWinAnsi(text: unknown, canEncode: CanEncode, maxLength = Number.POSITIVE_INFINITY): string {
  let raw = typeof text === 'string' ? text : text == null ? '' : String(text);
  // Huge input: only its start can show (control characters aside), so only its start is read.
  if (raw.length > maxLength * 8 + 64) raw = raw.slice(0, maxLength * 8 + 64);
  let out: string;
  if (PLAIN.test(raw)) out = raw;
  else {
    segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
    out = '';
    for (const { segment } of segmenter.segment(raw.normalize('NFC'))) out += foldGrapheme(segment, canEncode);
  }
  out = out.replace(/ {2,}/g, ' ').trim();
  if (out.length <= maxLength) return out;
  const ellipsis = canEncode(0x2026) ? '\u2026' : '...';
  return `${out.slice(0, Math.max(0, maxLength - ellipsis.length)).trimEnd()}${ellipsis}`;
}

/** Lines of `text` (already clean: single spaces) no wider than `maxWidth`; a word too long is split. */
export function wrapText(text: string, maxWidth: number, widthOf: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (word === '') continue;
    const candidate = line ? `${line} ${word}` : word;
    if (widthOf(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    if (widthOf(word) <= maxWidth) {
      line = word;
      continue;
    }
    for (const ch of word) {
      if (line && widthOf(line + ch) > maxWidth) {
        lines.push(line);
        line = ch;
      } else line += ch;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
