import type { Element, Root, RootContent } from 'hast';
import { markdownToHast } from '../../web/src/lib/markdown.ts';
import { escapeHtml as h } from './escape.ts';

/**
 * Markdown as HTML for crawlers without JavaScript (a blog post's body): the app's own sanitising
 * pipeline (web/src/lib/markdown.ts: GitHub's safe elements, our URL policy, raw HTML as text),
 * then written out with every text and attribute escaped and only a fixed set of attributes kept.
 * Headings move down so the page's h1 stays the only one (`headingLevel`: the top level to use).
 */

const VOID = new Set(['br', 'hr', 'img', 'input']);
const ATTRIBUTES: Record<string, string> = {
  href: 'href',
  src: 'src',
  alt: 'alt',
  title: 'title',
  id: 'id',
  rel: 'rel',
  start: 'start',
  align: 'align',
  className: 'class',
};

function attributes(el: Element): string {
  let out = '';
  for (const [key, value] of Object.entries(el.properties ?? {})) {
    const name = ATTRIBUTES[key];
    if (!name || value == null || value === false) continue;
    const text = Array.isArray(value) ? value.join(name === 'class' ? ' ' : ',') : String(value);
    out += ` ${name}="${h(text)}"`;
  }
  if (el.tagName === 'img') out += ' loading="lazy"';
  return out;
}

function write(node: RootContent, shift: number): string {
  if (node.type === 'text') return h(node.value);
  if (node.type !== 'element') return '';
  let tag = node.tagName;
  const heading = /^h([1-6])$/.exec(tag);
  if (heading) tag = `h${Math.min(6, Number(heading[1]) + shift)}`;
  if (tag === 'input') return '';
  const inner = node.children.map((c) => write(c, shift)).join('');
  return VOID.has(tag) ? `<${tag}${attributes(node)}>` : `<${tag}${attributes(node)}>${inner}</${tag}>`;
}

export function markdownHtml(source: string, headingLevel = 2): string {
  const tree: Root = markdownToHast(source, { highlight: false });
  let top = 6;
  const visit = (n: Root | RootContent) => {
    if (n.type === 'element') {
      const m = /^h([1-6])$/.exec(n.tagName);
      if (m) top = Math.min(top, Number(m[1]));
    }
    if ('children' in n) for (const c of n.children) visit(c as RootContent);
  };
  visit(tree);
  const shift = Math.max(0, headingLevel - top);
  return tree.children.map((c) => write(c, shift)).join('');
}
