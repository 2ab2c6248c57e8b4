/**
 * Lesson text as an indented template literal: md`...` strips the common indentation and
 * the surrounding blank lines, and turns '~~~' fences into '```' (so code samples need no
 * escaped backticks in the source). The raw text is used, so a backslash stays a backslash
 * (shell line continuations, Windows paths). Interpolation is not used by the data.
 */
export function md(strings: TemplateStringsArray, ...values: unknown[]): string {
  let text = strings.raw[0] ?? '';
  values.forEach((v, i) => {
    text += String(v) + (strings.raw[i + 1] ?? '');
  });
  const lines = text.replace(/^\n+/, '').replace(/\s+$/, '').split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines
    .map((l) => l.slice(cut).replace(/\s+$/, ''))
    .join('\n')
    .replace(/^~~~/gm, '```');
}

/** Words in a text (used by the tests to keep lessons short but real). */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}
