/**
 * A small, safe Markdown subset for lesson text and course descriptions.
 *
 * Parsing is pure: it turns source text into a tree of plain objects, which the view
 * (components/Markdown.tsx) renders as Solid JSX. Nothing is ever turned into HTML:
 * raw HTML in the source is plain text, and only absolute http(s) links survive.
 *
 * Supported: ATX headings (#), paragraphs, hard breaks (two trailing spaces or "\"),
 * bullet and numbered lists, fenced code blocks (``` or ~~~), block quotes, horizontal
 * rules, **bold**, *italic*, `code`, [links](https://...) and <https://...> autolinks,
 * and backslash escapes.
 */
import { safeHttpUrl } from './safe-url.ts';

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'link'; href: string; title?: string; children: Inline[] }
  | { type: 'break' };

export interface ListItem {
  children: Inline[];
  /** Indented content under the item: nested lists, code, further paragraphs. */
  blocks: Block[];
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; start: number; items: ListItem[] }
  | { type: 'code'; lang: string; text: string }
  | { type: 'blockquote'; children: Block[] }
  | { type: 'rule' };

const MAX_INLINE_DEPTH = 6;
const MAX_NESTING = 4;
/** How far a link label or destination may reach; keeps bracket matching linear in practice. */
const MAX_LINK_SPAN = 2000;
const ESCAPABLE = '\\`*_{}[]()#+-.!<>~|"\'';

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const BULLET = /^ {0,3}[-*+][ \t]+(.*)$/;
const ORDERED = /^ {0,3}(\d{1,9})[.)][ \t]+(.*)$/;
const QUOTE = /^ {0,3}>[ \t]?(.*)$/;
const AUTOLINK = /<(https?:\/\/[^\s<>]{1,2000})>/iy;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n');
  return parseBlocks(lines, 0);
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** Lines that end a paragraph (an ordered item does not, so "2024. was a year" stays text). */
function startsBlock(line: string): boolean {
  return FENCE.test(line) || HEADING.test(line) || QUOTE.test(line) || BULLET.test(line) || RULE.test(line);
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function dedent(lines: string[]): string[] {
  let min = Infinity;
  for (const l of lines) if (!isBlank(l)) min = Math.min(min, indentOf(l));
  return lines.map((l) => l.slice(Math.min(min, indentOf(l))));
}

function parseBlocks(lines: string[], depth: number): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }

    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const body: string[] = [];
      i++;
      while (i < lines.length) {
        const l = lines[i]!;
        const t = l.trim();
        if (t.length >= marker.length && t[0] === marker[0] && /^(`+|~+)$/.test(t)) {
          i++;
          break;
        }
        body.push(l);
        i++;
      }
      blocks.push({ type: 'code', lang: fence[2] ?? '', text: body.join('\n') });
      continue;
    }

    const heading = HEADING.exec(line);
    if (heading) {
      const level = heading[1]!.length as 1 | 2 | 3 | 4 | 5 | 6;
      blocks.push({ type: 'heading', level, children: parseInline(heading[2] ?? '') });
      i++;
      continue;
    }

    if (RULE.test(line)) {
      blocks.push({ type: 'rule' });
      i++;
      continue;
    }

    if (QUOTE.test(line)) {
      const inner: string[] = [];
      while (i < lines.length) {
        const m = QUOTE.exec(lines[i]!);
        if (!m) break;
        inner.push(m[1]!);
        i++;
      }
      blocks.push(
        depth < MAX_NESTING
          ? { type: 'blockquote', children: parseBlocks(inner, depth + 1) }
          : { type: 'paragraph', children: parseInline(inner.join('\n')) },
      );
      continue;
    }

    const bullet = BULLET.exec(line);
    const ordered = bullet ? null : ORDERED.exec(line);
    if (bullet || ordered) {
      const isOrdered = Boolean(ordered);
      const itemPattern = isOrdered ? ORDERED : BULLET;
      const start = ordered ? Number(ordered[1]) : 1;
      const items: { text: string[]; sub: string[] }[] = [];
      const base = indentOf(line);
      let prevBlank = false;
      while (i < lines.length) {
        const l = lines[i]!;
        const current = items[items.length - 1];
        if (isBlank(l)) {
          const next = lines[i + 1];
          if (next !== undefined && !isBlank(next) && (indentOf(next) >= base + 2 || itemPattern.test(next))) {
            if (current && current.sub.length > 0) current.sub.push('');
            prevBlank = true;
            i++;
            continue;
          }
          break;
        }
        // Lines indented past the marker belong to the current item: nested lists, code, more text.
        if (current && indentOf(l) >= base + 2) {
          current.sub.push(l);
          prevBlank = false;
          i++;
          continue;
        }
        const m = itemPattern.exec(l);
        if (m) {
          items.push({ text: [(isOrdered ? m[2] : m[1]) ?? ''], sub: [] });
          prevBlank = false;
          i++;
          continue;
        }
        // A lazy continuation of the item's first paragraph.
        if (current && !prevBlank && current.sub.length === 0 && !startsBlock(l) && !ORDERED.test(l)) {
          current.text.push(l);
          i++;
          continue;
        }
        break;
      }
      blocks.push({
        type: 'list',
        ordered: isOrdered,
        start,
        items: items.map((item) => ({
          children: parseInline(item.text.join('\n')),
          blocks:
            item.sub.length === 0
              ? []
              : depth < MAX_NESTING
                ? parseBlocks(dedent(item.sub), depth + 1)
                : [{ type: 'paragraph', children: parseInline(item.sub.map((x) => x.trim()).join('\n')) }],
        })),
      });
      continue;
    }

    // Paragraph: runs until a blank line or the start of another block.
    const para: string[] = [];
    while (i < lines.length) {
      const l = lines[i]!;
      if (isBlank(l)) break;
      if (para.length > 0 && startsBlock(l)) break;
      para.push(l);
      i++;
    }
    blocks.push({ type: 'paragraph', children: parseInline(para.join('\n')) });
  }
  return blocks;
}

/** Parses inline Markdown. Exported for tests. */
export function parseInline(source: string): Inline[] {
  return new InlineParser(source).parse(0, source.length, 0);
}

class InlineParser {
  private readonly src: string;
  /** For each closing delimiter: the smallest start from which no valid closer exists. */
  private readonly noCloserFrom = new Map<string, number>();
  /** The first "]" at or after bracketFrom (Infinity: none): a cache for link scanning. */
  private bracketFrom = Infinity;
  private bracketAt = -1;

  constructor(src: string) {
    this.src = src;
  }

  parse(from: number, to: number, depth: number): Inline[] {
    const src = this.src;
    const out: Inline[] = [];
    let buf = '';
    const flush = () => {
      if (buf) {
        pushText(out, buf);
        buf = '';
      }
    };

    if (depth > MAX_INLINE_DEPTH) {
      pushText(out, src.slice(from, to).replace(/\n/g, ' '));
      return out;
    }

    let i = from;
    while (i < to) {
      const c = src[i]!;

      if (c === '\\') {
        const next = src[i + 1];
        if (next === '\n' && i + 1 < to) {
          flush();
          out.push({ type: 'break' });
          i += 2;
          continue;
        }
        if (next !== undefined && i + 1 < to && ESCAPABLE.includes(next)) {
          buf += next;
          i += 2;
          continue;
        }
        buf += c;
        i++;
        continue;
      }

      if (c === '\n') {
        // Two or more trailing spaces make a hard break; otherwise a soft break is a space.
        if (/ {2,}$/.test(buf)) {
          buf = buf.replace(/ +$/, '');
          flush();
          out.push({ type: 'break' });
        } else {
          buf = `${buf.replace(/ +$/, '')} `;
        }
        i++;
        while (i < to && src[i] === ' ') i++;
        continue;
      }

      if (c === '`') {
        let n = 1;
        while (i + n < to && src[i + n] === '`') n++;
        const run = '`'.repeat(n);
        const close = this.findCodeClose(run, i + n, to);
        if (close >= 0) {
          flush();
          let text = src.slice(i + n, close).replace(/\n/g, ' ');
          if (text.length > 2 && text.startsWith(' ') && text.endsWith(' ') && text.trim()) text = text.slice(1, -1);
          out.push({ type: 'code', text });
          i = close + n;
        } else {
          buf += run;
          i += n;
        }
        continue;
      }

      if (c === '<') {
        AUTOLINK.lastIndex = i;
        const m = AUTOLINK.exec(src);
        const href = m && i + m[0].length <= to ? safeHttpUrl(m[1]!) : null;
        if (m && href) {
          flush();
          out.push({ type: 'link', href, children: [{ type: 'text', text: m[1]! }] });
          i += m[0].length;
          continue;
        }
        buf += c;
        i++;
        continue;
      }

      if (c === '[') {
        const link = this.tryLink(i, to, depth);
        if (link) {
          flush();
          for (const node of link.nodes) push(out, node);
          i = link.end;
          continue;
        }
        buf += c;
        i++;
        continue;
      }

      if (c === '*' || c === '_') {
        const strongDelim = c + c;
        const prev = i > 0 ? src[i - 1]! : ' ';
        // Intraword underscores (snake_case) are not emphasis.
        const canOpen = c === '*' || !/[\p{L}\p{N}]/u.test(prev);
        if (canOpen && src.startsWith(strongDelim, i) && i + 2 < to && !/\s/.test(src[i + 2]!)) {
          const close = this.findEmphasisClose(strongDelim, i + 2, to);
          if (close > i + 2) {
            flush();
            out.push({ type: 'strong', children: this.parse(i + 2, close, depth + 1) });
            i = close + 2;
            continue;
          }
        }
        if (canOpen && i + 1 < to && !/\s/.test(src[i + 1]!) && src[i + 1] !== c) {
          const close = this.findEmphasisClose(c, i + 1, to);
          if (close > i + 1) {
            flush();
            out.push({ type: 'em', children: this.parse(i + 1, close, depth + 1) });
            i = close + 1;
            continue;
          }
        }
        // Not emphasis: keep the whole run literal.
        let n = 1;
        while (i + n < to && src[i + n] === c) n++;
        buf += c.repeat(n);
        i += n;
        continue;
      }

      buf += c;
      i++;
    }
    flush();
    return out;
  }

  private findCodeClose(run: string, from: number, to: number): number {
    const key = `code:${run.length}:${to}`;
    const known = this.noCloserFrom.get(key);
    if (known !== undefined && from >= known) return -1;
    let at = this.src.indexOf(run, from);
    while (at >= 0 && at < to) {
      const before = this.src[at - 1];
      const after = this.src[at + run.length];
      if (before !== '`' && after !== '`' && at + run.length <= to) return at;
      at = this.src.indexOf(run, at + 1);
    }
    this.noCloserFrom.set(key, Math.min(known ?? Infinity, from));
    return -1;
  }

  /**
   * A closing delimiter: not preceded by whitespace and, for a single delimiter, not part
   * of a double one; for underscores, not followed by a letter or digit.
   */
  private findEmphasisClose(delim: string, from: number, to: number): number {
    const key = `em:${delim}:${to}`;
    const known = this.noCloserFrom.get(key);
    if (known !== undefined && from >= known) return -1;
    const src = this.src;
    const ch = delim[0]!;
    let at = src.indexOf(delim, from);
    while (at >= 0 && at + delim.length <= to) {
      const before = src[at - 1]!;
      const after = at + delim.length < to ? src[at + delim.length] : undefined;
      const okBefore = at > from && !/\s/.test(before);
      const okSingle = delim.length === 2 || (after !== ch && before !== ch);
      // "***" closing "**" after an inner "*": the strong closer is the end of the run.
      if (delim.length === 2 && okBefore && after === ch) {
        let end = at;
        while (end + delim.length < to && src[end + delim.length] === ch) end++;
        const afterRun = end + delim.length < to ? src[end + delim.length] : undefined;
        if (ch !== '_' || afterRun === undefined || !/[\p{L}\p{N}]/u.test(afterRun)) return end;
      }
      const okAfter = ch !== '_' || after === undefined || !/[\p{L}\p{N}]/u.test(after);
      if (okBefore && okSingle && okAfter) return at;
      at = src.indexOf(delim, at + 1);
    }
    this.noCloserFrom.set(key, Math.min(known ?? Infinity, from));
    return -1;
  }

  /** [label](destination "title"); an unsafe destination keeps the label as plain inline content. */
  private tryLink(open: number, to: number, depth: number): { nodes: Inline[]; end: number } | null {
    const src = this.src;
    const limit = Math.min(to, open + MAX_LINK_SPAN);
    if (!(this.bracketFrom <= open && open <= this.bracketAt)) {
      const at = src.indexOf(']', open);
      this.bracketFrom = open;
      this.bracketAt = at < 0 ? Infinity : at;
    }
    if (this.bracketAt >= limit) return null;
    let level = 0;
    let close = -1;
    for (let j = open + 1; j < limit; j++) {
      const ch = src[j];
      if (ch === '\\') {
        j++;
        continue;
      }
      if (ch === '[') level++;
      else if (ch === ']') {
        if (level === 0) {
          close = j;
          break;
        }
        level--;
      }
    }
    if (close < 0 || src[close + 1] !== '(') return null;

    const destLimit = Math.min(to, close + 2 + MAX_LINK_SPAN);
    let parens = 0;
    let end = -1;
    for (let j = close + 2; j < destLimit; j++) {
      const ch = src[j];
      if (ch === '\\') {
        j++;
        continue;
      }
      if (ch === '\n') break;
      if (ch === '(') parens++;
      else if (ch === ')') {
        if (parens === 0) {
          end = j;
          break;
        }
        parens--;
      }
    }
    if (end < 0) return null;

    const inner = src.slice(close + 2, end).trim();
    const m = /^<?([^\s>]*)>?(?:\s+(?:"([^"]*)"|'([^']*)'))?$/.exec(inner);
    if (!m) return null;
    const children = this.parse(open + 1, close, depth + 1);
    const href = safeHttpUrl(m[1]!);
    if (!href) return { nodes: children, end: end + 1 };
    const title = m[2] ?? m[3];
    return {
      nodes: [{ type: 'link', href, ...(title ? { title } : {}), children: stripLinks(children) }],
      end: end + 1,
    };
  }
}

function pushText(out: Inline[], text: string): void {
  const last = out[out.length - 1];
  if (last && last.type === 'text') last.text += text;
  else out.push({ type: 'text', text });
}

/** Links may not nest: a link inside a link label becomes its label. */
function stripLinks(nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const n of nodes) {
    if (n.type === 'link') for (const child of stripLinks(n.children)) push(out, child);
    else if (n.type === 'strong' || n.type === 'em') out.push({ ...n, children: stripLinks(n.children) });
    else push(out, n);
  }
  return out;
}

function push(out: Inline[], node: Inline): void {
  if (node.type === 'text') pushText(out, node.text);
  else out.push(node);
}

/** The plain text of inline nodes (for titles, summaries and tests). */
export function inlineText(nodes: Inline[]): string {
  return nodes
    .map((n) => {
      switch (n.type) {
        case 'text':
        case 'code':
          return n.text;
        case 'break':
          return '\n';
        default:
          return inlineText(n.children);
      }
    })
    .join('');
}
