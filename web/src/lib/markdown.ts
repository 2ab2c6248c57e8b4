/**
 * Markdown from instructors (lesson text, course descriptions, quiz prompts, bios), on a real
 * CommonMark + GFM parser, turned into DOM nodes without ever parsing HTML.
 *
 * The pipeline: micromark (mdast-util-from-markdown with the GFM extensions: tables, task lists,
 * strikethrough, autolink literals, footnotes) -> mdast-util-to-hast -> hast-util-sanitize with
 * GitHub's schema -> our own URL policy and link attributes -> lowlight for fenced code in a
 * registered language (markdown-highlight.ts) -> document.createElement / createTextNode.
 *
 * Raw HTML in the source is shown as the text it is (never parsed). Links keep only http(s),
 * mailto and same-site relative destinations; images only http(s) and relative ones. Absolute
 * links get rel="external noopener noreferrer nofollow". The DOM step allows a fixed set of
 * tags and attributes again, so a mistake in an earlier step cannot reach the page.
 */
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { defaultSchema, type Schema, sanitize } from 'hast-util-sanitize';
import type { Html, Nodes as MdastNodes, Parents as MdastParents } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { type Handler, toHast } from 'mdast-util-to-hast';
import { gfm } from 'micromark-extension-gfm';
import { highlightCode } from './markdown-highlight.ts';
import { safeHttpUrl } from './safe-url.ts';

export interface MarkdownOptions {
  /**
   * Prefix for the ids the text creates (footnotes), so two texts on one page do not collide.
   * Default 'user-content-'.
   */
  idPrefix?: string;
  /** Highlight fenced code in registered languages (default true). */
  highlight?: boolean;
}

/** The longest source rendered; the rest is cut (a lesson is far shorter). */
const MAX_SOURCE = 200_000;
/**
 * micromark's work for a link, footnote or bracket grows with the paragraph around it (it looks
 * back through it and splices it), so a long paragraph full of them takes seconds to minutes
 * (20,000 "a]" in one paragraph about 45 s). So that no text can hang the page: a paragraph
 * longer than MAX_PARAGRAPH is cut into several (at a line end, or at a space), and in each
 * paragraph brackets past MAX_BRACKETS of a kind are read as plain characters (escaped).
 * Real text stays far below both (a paragraph of 8,000 characters is some 1,300 words).
 */
const MAX_PARAGRAPH = 8_000;
const MAX_BRACKETS = 300;
/**
 * Nesting the tree steps (and the DOM builder) recurse through: block quote and list markers
 * at the start of one line, and emphasis delimiter runs. Past these, the markers are literal.
 */
const MAX_LINE_MARKERS = 16;
const MAX_DELIMITER_RUN = 12;
const LONG_RUN = new RegExp(`[*_~]{${MAX_DELIMITER_RUN + 1},}`, 'g');
const CONTAINER_MARKER = /[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/y;

const SCHEMA: Schema = {
  ...defaultSchema,
  // to-hast already prefixes the ids it makes (footnotes); raw HTML, the only other source of ids, never gets here.
  clobber: [],
  attributes: {
    ...defaultSchema.attributes,
    // The classes lowlight emits, should highlighted code ever pass through the sanitiser.
    span: [['className', /^hljs-[\w-]+$/]],
  },
};

/**
 * The source as the parser gets it: cut to MAX_SOURCE; outside fenced code, paragraphs (lines
 * between blank lines) longer than MAX_PARAGRAPH split and brackets past MAX_BRACKETS escaped.
 */
export function boundedSource(source: string): string {
  const text = source.length > MAX_SOURCE ? source.slice(0, MAX_SOURCE) : source;
  if (
    text.length <= MAX_PARAGRAPH &&
    count(text, '[') <= MAX_BRACKETS &&
    count(text, ']') <= MAX_BRACKETS &&
    !/[*_~]{13}|(?:[>+*-][ \t]*){17}/.test(text)
  ) {
    return text;
  }
  const out: string[] = [];
  let paragraph: string[] = [];
  let size = 0;
  const flush = () => {
    if (paragraph.length > 0) out.push(...escapeBrackets(paragraph));
    paragraph = [];
    size = 0;
  };
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
      out.push(line);
    } else if (marker) {
      flush();
      fence = marker;
      out.push(line);
    } else if (line.trim() === '') {
      flush();
      out.push(line);
    } else {
      for (const piece of splitLong(line).map(limitNesting)) {
        if (size > 0 && size + piece.length > MAX_PARAGRAPH) {
          flush();
          out.push('');
        }
        paragraph.push(piece);
        size += piece.length + 1;
      }
    }
  }
  flush();
  return out.join('\n');
}

function count(s: string, c: string): number {
  let n = 0;
  for (let i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) n++;
  return n;
}

/** A line longer than MAX_PARAGRAPH in pieces, cut at the last space before the limit (or at it). */
function splitLong(line: string): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > MAX_PARAGRAPH) {
    const space = rest.lastIndexOf(' ', MAX_PARAGRAPH);
    const at = space > MAX_PARAGRAPH / 2 ? space : MAX_PARAGRAPH;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  pieces.push(rest);
  return pieces;
}

/** Markers past MAX_LINE_MARKERS at the line's start, and delimiter runs past MAX_DELIMITER_RUN, escaped. */
function limitNesting(line: string): string {
  let at = 0;
  for (let n = 0; n < MAX_LINE_MARKERS; n++) {
    CONTAINER_MARKER.lastIndex = at;
    if (!CONTAINER_MARKER.exec(line)) break;
    at = CONTAINER_MARKER.lastIndex;
  }
  CONTAINER_MARKER.lastIndex = at;
  let out = line;
  if (CONTAINER_MARKER.exec(line)) {
    const rest = line.slice(at);
    const lead = rest.length - rest.trimStart().length;
    out = `${line.slice(0, at + lead)}\\${rest.slice(lead)}`;
  }
  // A thematic break ("*****", "_ _ _") is one run and no nesting.
  if (/^ {0,3}([*_])(?:[ \t]*\1){2,}[ \t]*$/.test(out)) return out;
  return out.replace(LONG_RUN, (run) => run.replace(/./g, '\\$&'));
}

function escapeBrackets(lines: string[]): string[] {
  const seen = { '[': 0, ']': 0 };
  return lines.map((line) =>
    line.replace(/\\[\s\S]|[[\]]/g, (m) => {
      if (m.length === 2) return m; // an escape (of a bracket or anything else) stays as written
      return ++seen[m as '[' | ']'] <= MAX_BRACKETS ? m : `\\${m}`;
    }),
  );
}

/** Raw HTML is shown as text: a paragraph of it where it stood as a block, text where inline. */
const rawHtmlAsText: Handler = (_state, node: Html, parent: MdastParents | undefined) => {
  const text = { type: 'text' as const, value: node.value };
  const phrasing = parent !== undefined && (parent.type === 'paragraph' || isPhrasingParent(parent));
  return phrasing ? text : { type: 'element', tagName: 'p', properties: {}, children: [text] };
};

function isPhrasingParent(parent: MdastNodes): boolean {
  return ['heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'tableCell'].includes(parent.type);
}

/** Parses and sanitises Markdown into a hast tree: only GitHub's safe elements, our URL policy applied. */
export function markdownToHast(source: string, options: MarkdownOptions = {}): Root {
  const prefix = options.idPrefix ?? 'user-content-';
  const mdast = fromMarkdown(boundedSource(source), {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  });
  const hast = toHast(mdast, { clobberPrefix: prefix, handlers: { html: rawHtmlAsText } });
  const clean = sanitize(hast, SCHEMA) as Root;
  applyPolicy(clean, prefix);
  if (options.highlight !== false) highlightTree(clean);
  return clean;
}

/** The languages of the fenced code blocks in a tree (lower case, as written). */
export function codeLanguages(tree: Root): string[] {
  const out = new Set<string>();
  visitElements(tree, (el) => {
    if (el.tagName === 'code') {
      const lang = languageOf(el);
      if (lang) out.add(lang);
    }
  });
  return [...out];
}

function languageOf(code: Element): string | null {
  const classes = code.properties.className;
  if (!Array.isArray(classes)) return null;
  for (const c of classes) {
    if (typeof c === 'string' && c.startsWith('language-')) return c.slice('language-'.length).toLowerCase();
  }
  return null;
}

function visitElements(node: Root | Element, fn: (el: Element, parent: Root | Element) => void): void {
  for (const child of node.children) {
    if (child.type === 'element') {
      fn(child, node);
      visitElements(child, fn);
    }
  }
}

/**
 * A destination a link may point to: http(s) (must parse), mailto: with an address, or a
 * same-site relative one (a path, "?query" or "#fragment"; never "//host" or a scheme).
 */
export function safeMarkdownUrl(raw: string, kind: 'href' | 'src'): string | null {
  const s = raw.trim();
  if (s === '' || /[\u0000-\u001f\u007f\\]/.test(s)) return null;
  if (/^https?:/i.test(s)) return safeHttpUrl(s) ? s : null;
  if (kind === 'href' && /^mailto:[^\s/]+@[^\s/]+$/i.test(s)) return s;
  if (s.startsWith('//')) return null;
  // A colon before any "/", "?" or "#" is a scheme (javascript:, data:, vbscript:, ...).
  const firstSpecial = s.search(/[/?#]/);
  const colon = s.indexOf(':');
  if (colon >= 0 && (firstSpecial < 0 || colon < firstSpecial)) return null;
  return s;
}

function applyPolicy(tree: Root, prefix: string): void {
  const fix = (parent: Root | Element) => {
    const out: (RootContent | ElementContent)[] = [];
    for (const child of parent.children) {
      if (child.type !== 'element') {
        out.push(child);
        continue;
      }
      fix(child);
      const p = child.properties;
      if (child.tagName === 'a') {
        const href = typeof p.href === 'string' ? safeMarkdownUrl(p.href, 'href') : null;
        if (!href) {
          // An unsafe or missing destination: keep the link's text, drop the link.
          out.push(...child.children);
          continue;
        }
        p.href = href;
        if (/^https?:/i.test(href)) p.rel = ['external', 'noopener', 'noreferrer', 'nofollow'];
      } else if (child.tagName === 'img') {
        const src = typeof p.src === 'string' ? safeMarkdownUrl(p.src, 'src') : null;
        if (!src) {
          if (typeof p.alt === 'string' && p.alt) out.push({ type: 'text', value: p.alt });
          continue;
        }
        p.src = src;
        p.loading = 'lazy';
        p.decoding = 'async';
      } else if (child.tagName === 'input') {
        // Task list boxes: read-only, named by their state (the item's text follows).
        p.ariaLabel = p.checked ? 'Done' : 'Not done';
      }
      // to-hast names the footnotes heading "footnote-label" without the prefix.
      if (p.id === 'footnote-label') p.id = `${prefix}footnote-label`;
      if (Array.isArray(p.ariaDescribedBy)) {
        p.ariaDescribedBy = p.ariaDescribedBy.map((v) => (v === 'footnote-label' ? `${prefix}footnote-label` : v));
      }
      out.push(child);
    }
    parent.children = out as typeof parent.children;
  };
  fix(tree);
}

function highlightTree(tree: Root): void {
  visitElements(tree, (el, parent) => {
    if (el.tagName !== 'code' || parent.type !== 'element' || parent.tagName !== 'pre') return;
    const lang = languageOf(el);
    if (!lang) return;
    const text = el.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
    const highlighted = highlightCode(lang, text);
    if (highlighted) {
      el.children = highlighted;
      el.properties.className = [...(el.properties.className as string[]), 'hljs'];
    }
  });
}

/** Tags the DOM step creates; anything else is dropped with its content. */
const TAGS = new Set([
  'a',
  'blockquote',
  'br',
  'code',
  'del',
  'em',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'img',
  'input',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'span',
  'strong',
  'sup',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** hast property -> DOM attribute, for the properties the DOM step keeps. */
const ATTRIBUTES: Record<string, string> = {
  href: 'href',
  title: 'title',
  rel: 'rel',
  src: 'src',
  alt: 'alt',
  loading: 'loading',
  decoding: 'decoding',
  className: 'class',
  id: 'id',
  start: 'start',
  align: 'align',
  type: 'type',
  checked: 'checked',
  disabled: 'disabled',
  ariaLabel: 'aria-label',
  ariaDescribedBy: 'aria-describedby',
  ariaLabelledBy: 'aria-labelledby',
  dataFootnotes: 'data-footnotes',
  dataFootnoteRef: 'data-footnote-ref',
  dataFootnoteBackref: 'data-footnote-backref',
};

export interface RenderOptions extends MarkdownOptions {
  /** The level the text's top headings get (2 under the page's h1), so the outline never skips a level. */
  headingLevel?: number;
  /** Make code blocks focusable, named regions (they may scroll sideways). Default true. */
  codeRegions?: boolean;
}

/** The smallest heading level in the tree outside the footnotes (6 when none). */
export function topHeadingLevel(tree: Root): number {
  let min = 6;
  const walk = (node: Root | Element) => {
    for (const c of node.children) {
      if (c.type !== 'element' || c.tagName === 'section') continue;
      const m = /^h([1-6])$/.exec(c.tagName);
      if (m) min = Math.min(min, Number(m[1]));
      else walk(c);
    }
  };
  walk(tree);
  return min;
}

type DomFactory = Pick<Document, 'createElement' | 'createTextNode' | 'createDocumentFragment'>;

/** Builds DOM nodes for a sanitised tree with `doc`'s createElement/createTextNode; no HTML is parsed. */
export function hastToDom(tree: Root, doc: DomFactory, options: RenderOptions = {}): DocumentFragment {
  const offset = options.headingLevel === undefined ? 0 : options.headingLevel - topHeadingLevel(tree);
  const codeRegions = options.codeRegions ?? true;
  const fragment = doc.createDocumentFragment();

  const build = (node: RootContent | ElementContent, parent: Node) => {
    if (node.type === 'text') {
      parent.appendChild(doc.createTextNode(node.value));
      return;
    }
    if (node.type !== 'element' || !TAGS.has(node.tagName)) return;
    let tag = node.tagName;
    const heading = /^h([1-6])$/.exec(tag);
    const isFootnotesLabel = tag === 'h2' && String(node.properties.className) === 'sr-only';
    if (isFootnotesLabel) tag = `h${Math.max(1, Math.min(6, options.headingLevel ?? 2))}`;
    else if (heading && offset !== 0) tag = `h${Math.max(1, Math.min(6, Number(heading[1]) + offset))}`;
    const el = doc.createElement(tag);
    setAttributes(el, node.properties);
    if (tag === 'pre' && codeRegions) {
      const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
      const lang = code ? languageOf(code) : null;
      el.setAttribute('tabindex', '0');
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', lang ? `${lang} code` : 'Code');
    }
    for (const child of node.children) build(child, el);
    parent.appendChild(el);
  };
  for (const child of tree.children) build(child, fragment);
  return fragment;
}

function setAttributes(el: HTMLElement, props: Properties): void {
  for (const [key, value] of Object.entries(props)) {
    const name = ATTRIBUTES[key];
    if (!name || value === null || value === undefined || value === false) continue;
    if ((name === 'href' || name === 'src') && !safeMarkdownUrl(String(value), name)) continue;
    if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, Array.isArray(value) ? value.join(' ') : String(value));
  }
}

/** Markdown source to DOM nodes, in one call. */
export function renderMarkdown(source: string, doc: DomFactory, options: RenderOptions = {}): DocumentFragment {
  return hastToDom(markdownToHast(source, options), doc, options);
}

/** The plain text of a tree (for titles, summaries and tests). */
export function hastText(node: Root | Element): string {
  return node.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? hastText(c) : '')).join('');
}

export { ensureLanguages } from './markdown-highlight.ts';
