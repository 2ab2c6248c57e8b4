/**
 * Syntax highlighting for fenced code in Markdown, with lowlight (highlight.js grammars giving a
 * hast tree: spans with hljs-* classes and text, never HTML).
 *
 * Loaded on demand: lowlight and each grammar are their own chunks, fetched the first time a
 * text has a code block in that language (ensureLanguages); until then the code shows plain.
 */
import type { ElementContent } from 'hast';
import type { LanguageFn } from 'highlight.js';

type Loader = () => Promise<{ default: LanguageFn }>;

/** The grammars we offer, by highlight.js name. */
const GRAMMARS: Record<string, Loader> = {
  bash: () => import('highlight.js/lib/languages/bash'),
  c: () => import('highlight.js/lib/languages/c'),
  cpp: () => import('highlight.js/lib/languages/cpp'),
  csharp: () => import('highlight.js/lib/languages/csharp'),
  css: () => import('highlight.js/lib/languages/css'),
  diff: () => import('highlight.js/lib/languages/diff'),
  dockerfile: () => import('highlight.js/lib/languages/dockerfile'),
  go: () => import('highlight.js/lib/languages/go'),
  ini: () => import('highlight.js/lib/languages/ini'),
  java: () => import('highlight.js/lib/languages/java'),
  javascript: () => import('highlight.js/lib/languages/javascript'),
  json: () => import('highlight.js/lib/languages/json'),
  kotlin: () => import('highlight.js/lib/languages/kotlin'),
  markdown: () => import('highlight.js/lib/languages/markdown'),
  php: () => import('highlight.js/lib/languages/php'),
  python: () => import('highlight.js/lib/languages/python'),
  r: () => import('highlight.js/lib/languages/r'),
  ruby: () => import('highlight.js/lib/languages/ruby'),
  rust: () => import('highlight.js/lib/languages/rust'),
  scss: () => import('highlight.js/lib/languages/scss'),
  sql: () => import('highlight.js/lib/languages/sql'),
  swift: () => import('highlight.js/lib/languages/swift'),
  typescript: () => import('highlight.js/lib/languages/typescript'),
  xml: () => import('highlight.js/lib/languages/xml'),
  yaml: () => import('highlight.js/lib/languages/yaml'),
};

/** Names people write after the fence, to the grammar's name. */
const ALIASES: Record<string, string> = {
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  node: 'javascript',
  ts: 'typescript',
  tsx: 'typescript',
  py: 'python',
  python3: 'python',
  sh: 'bash',
  shell: 'bash',
  zsh: 'bash',
  console: 'bash',
  postgres: 'sql',
  postgresql: 'sql',
  psql: 'sql',
  plpgsql: 'sql',
  html: 'xml',
  svg: 'xml',
  xhtml: 'xml',
  golang: 'go',
  'c++': 'cpp',
  cs: 'csharp',
  'c#': 'csharp',
  rb: 'ruby',
  rs: 'rust',
  kt: 'kotlin',
  yml: 'yaml',
  md: 'markdown',
  docker: 'dockerfile',
  toml: 'ini',
  patch: 'diff',
  jsonc: 'json',
};

/** The grammar for a fence's language, or null when we have none. */
export function grammarName(lang: string): string | null {
  const l = lang.toLowerCase();
  const name = ALIASES[l] ?? l;
  return Object.hasOwn(GRAMMARS, name) ? name : null;
}

type Lowlight = ReturnType<typeof import('lowlight').createLowlight>;
let lowlight: Lowlight | null = null;
let lowlightLoading: Promise<Lowlight> | null = null;
const registered = new Set<string>();
const loading = new Map<string, Promise<void>>();

/**
 * Loads lowlight and the grammars for `langs` (unknown ones are ignored). Resolves true when a
 * grammar was added, so text rendered before may now be highlighted.
 */
export async function ensureLanguages(langs: Iterable<string>): Promise<boolean> {
  const names = [...new Set([...langs].map(grammarName).filter((n): n is string => n !== null))].filter(
    (n) => !registered.has(n),
  );
  if (names.length === 0) return false;
  if (!lowlightLoading) lowlightLoading = import('lowlight').then((m) => m.createLowlight());
  const ll = await lowlightLoading;
  await Promise.all(
    names.map((name) => {
      let p = loading.get(name);
      if (!p) {
        p = GRAMMARS[name]!().then((mod) => {
          ll.register(name, mod.default);
          registered.add(name);
        });
        loading.set(name, p);
      }
      return p;
    }),
  );
  lowlight = ll;
  return true;
}

/** Highlighted code as hast children, or null when the language is not loaded (yet) or unknown. */
export function highlightCode(lang: string, code: string): ElementContent[] | null {
  const name = grammarName(lang);
  if (!lowlight || !name || !registered.has(name)) return null;
  try {
    return lowlight.highlight(name, code).children as ElementContent[];
  } catch {
    return null;
  }
}
