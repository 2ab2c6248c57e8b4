import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import {
  boundedSource,
  codeLanguages,
  ensureLanguages,
  hastText,
  markdownToHast,
  safeMarkdownUrl,
  topHeadingLevel,
} from './markdown.ts';
import { grammarName, highlightCode } from './markdown-highlight.ts';

/**
 * The renderer's tree (hast, before the DOM step) on Node. The DOM step and every CommonMark
 * spec example run in Chromium: tests/e2e/markdown-spec.test.ts.
 */

function elements(tree: Root | Element, acc: Element[] = []): Element[] {
  for (const c of tree.children) {
    if (c.type === 'element') {
      acc.push(c);
      elements(c, acc);
    }
  }
  return acc;
}

const byTag = (tree: Root, tag: string) => elements(tree).filter((e) => e.tagName === tag);
const hrefs = (tree: Root) => byTag(tree, 'a').map((a) => String(a.properties.href));

/** The elements the renderer may produce; the DOM step refuses anything else again. */
const ALLOWED_TAGS = new Set(
  'a blockquote br code del em h1 h2 h3 h4 h5 h6 hr img input li ol p pre section span strong sup table tbody td th thead tr ul'.split(
    ' ',
  ),
);

/** Attribute names that may carry script or load things. */
const isEventOrStyle = (name: string) => /^on/i.test(name) || name === 'style' || name === 'srcDoc';

describe('markdownToHast: CommonMark', () => {
  it('parses headings, paragraphs and soft breaks', () => {
    const tree = markdownToHast('# Title\n\nFirst line\nsecond line\n\n## Sub ##');
    expect(elements(tree).map((e) => e.tagName)).toEqual(['h1', 'p', 'h2']);
    expect(hastText(byTag(tree, 'p')[0]!)).toBe('First line\nsecond line');
    expect(hastText(byTag(tree, 'h2')[0]!)).toBe('Sub');
  });

  it('needs a space after the hashes', () => {
    expect(byTag(markdownToHast('#hashtag'), 'h1')).toHaveLength(0);
  });

  it('parses bullet and numbered lists, with a start number, and nests them', () => {
    const tree = markdownToHast('- fruit\n  - apple\n  - pear\n- veg\n\n3. three\n4. four');
    expect(byTag(tree, 'ul')).toHaveLength(2);
    expect(byTag(tree, 'ol')[0]!.properties.start).toBe(3);
    expect(byTag(tree, 'li').map((li) => hastText(li).trim().split('\n')[0])).toEqual([
      'fruit',
      'apple',
      'pear',
      'veg',
      'three',
      'four',
    ]);
  });

  it('keeps fenced code verbatim, with its language as a class', () => {
    const tree = markdownToHast('```js\nconst a = "<b>";\n\n**not bold**\n```\nafter', { highlight: false });
    const code = byTag(tree, 'code')[0]!;
    expect(code.properties.className).toEqual(['language-js']);
    expect(hastText(code)).toBe('const a = "<b>";\n\n**not bold**\n');
    expect(byTag(tree, 'strong')).toHaveLength(0);
  });

  it('parses emphasis, code spans, block quotes, rules, hard breaks and escapes', () => {
    const tree = markdownToHast('> **bold *and italic*** `x < y`  \nnext\\\nlast \\*not\\*\n\n---');
    expect(elements(tree).map((e) => e.tagName)).toEqual(['blockquote', 'p', 'strong', 'em', 'code', 'br', 'br', 'hr']);
    expect(hastText(byTag(tree, 'code')[0]!)).toBe('x < y');
    expect(hastText(tree)).toContain('last *not*');
  });

  it('leaves snake_case and lone stars alone', () => {
    const tree = markdownToHast('use snake_case_names and 2 * 3 * 4');
    expect(byTag(tree, 'em')).toHaveLength(0);
  });

  it('gives absolute links rel=external noopener noreferrer nofollow, relative ones none', () => {
    const tree = markdownToHast(
      '[a](https://example.com/a_(b) "The docs") [b](/courses/x) [c](#part) <mailto:a@b.example>',
    );
    const [a, b, c, d] = byTag(tree, 'a');
    expect(a!.properties).toMatchObject({ href: 'https://example.com/a_(b)', title: 'The docs' });
    expect(a!.properties.rel).toEqual(['external', 'noopener', 'noreferrer', 'nofollow']);
    expect(b!.properties).toEqual({ href: '/courses/x' });
    expect(c!.properties).toEqual({ href: '#part' });
    expect(d!.properties).toEqual({ href: 'mailto:a@b.example' });
  });

  it('lazy-loads images with their alt text', () => {
    const [img] = byTag(markdownToHast('![A chart](/img/chart.png "Sales")'), 'img');
    expect(img!.properties).toEqual({
      src: '/img/chart.png',
      alt: 'A chart',
      title: 'Sales',
      loading: 'lazy',
      decoding: 'async',
    });
  });

  it('reports the top heading level, outside the footnotes', () => {
    expect(topHeadingLevel(markdownToHast('### a\n\n#### b'))).toBe(3);
    expect(topHeadingLevel(markdownToHast('text[^1]\n\n[^1]: note'))).toBe(6);
  });
});

describe('markdownToHast: GFM', () => {
  it('renders tables with their alignment', () => {
    const tree = markdownToHast('| Left | Centre | Right |\n|:-----|:------:|------:|\n| a | b | `c` |');
    expect(byTag(tree, 'table')).toHaveLength(1);
    expect(byTag(tree, 'th').map((th) => [hastText(th), th.properties.align])).toEqual([
      ['Left', 'left'],
      ['Centre', 'center'],
      ['Right', 'right'],
    ]);
    expect(byTag(tree, 'td').map(hastText)).toEqual(['a', 'b', 'c']);
  });

  it('renders task lists as read-only, named checkboxes', () => {
    const tree = markdownToHast('- [x] done\n- [ ] to do');
    expect(byTag(tree, 'ul')[0]!.properties.className).toEqual(['contains-task-list']);
    expect(byTag(tree, 'input').map((i) => i.properties)).toEqual([
      { type: 'checkbox', checked: true, disabled: true, ariaLabel: 'Done' },
      { type: 'checkbox', checked: false, disabled: true, ariaLabel: 'Not done' },
    ]);
  });

  it('renders strikethrough', () => {
    const tree = markdownToHast('~~gone~~ and ~one~');
    expect(byTag(tree, 'del').map(hastText)).toEqual(['gone', 'one']);
  });

  it('links bare URLs, www. addresses and e-mail addresses', () => {
    const tree = markdownToHast('See https://example.com/x, www.example.org and help@example.com.');
    expect(hrefs(tree)).toEqual(['https://example.com/x', 'http://www.example.org', 'mailto:help@example.com']);
  });

  it('renders footnotes with ids under the given prefix, linked both ways', () => {
    const tree = markdownToHast('Claim[^src].\n\n[^src]: The source.', { idPrefix: 'md7-' });
    const ref = byTag(tree, 'sup')[0]!.children[0] as Element;
    expect(ref.properties).toMatchObject({
      href: '#md7-fn-src',
      id: 'md7-fnref-src',
      ariaDescribedBy: ['md7-footnote-label'],
    });
    const section = byTag(tree, 'section')[0]!;
    expect(section.properties.className).toEqual(['footnotes']);
    const label = byTag(tree, 'h2')[0]!;
    expect(label.properties).toEqual({ className: ['sr-only'], id: 'md7-footnote-label' });
    expect(byTag(tree, 'li')[0]!.properties.id).toBe('md7-fn-src');
    expect(hrefs(tree)).toContain('#md7-fnref-src');
  });
});

describe('syntax highlighting', () => {
  it('maps fence names to grammars', () => {
    expect(grammarName('ts')).toBe('typescript');
    expect(grammarName('Python')).toBe('python');
    expect(grammarName('html')).toBe('xml');
    expect(grammarName('sh')).toBe('bash');
    expect(grammarName('klingon')).toBeNull();
    expect(grammarName('__proto__')).toBeNull();
  });

  it('lists the languages used, loads their grammars, then highlights', async () => {
    const src = "```sql\nselect 1 from t where a = '<b>';\n```\n\n```klingon\nqapla\n```";
    expect(codeLanguages(markdownToHast(src))).toEqual(['sql', 'klingon']);
    expect(await ensureLanguages(['sql', 'klingon'])).toBe(true);
    expect(await ensureLanguages(['sql'])).toBe(false);
    const tree = markdownToHast(src);
    const [sql, klingon] = byTag(tree, 'code');
    expect(sql!.properties.className).toEqual(['language-sql', 'hljs']);
    const spans = elements(sql!).filter((e) => e.tagName === 'span');
    expect(spans.map((s) => s.properties.className)).toContainEqual(['hljs-keyword']);
    expect(hastText(sql!)).toBe("select 1 from t where a = '<b>';\n");
    expect(elements(klingon!)).toHaveLength(0);
    expect(highlightCode('sql', 'select')).not.toBeNull();
    expect(byTag(markdownToHast(src, { highlight: false }), 'span')).toHaveLength(0);
  });
});

describe('safeMarkdownUrl', () => {
  it('accepts http(s), mailto for links, and same-site relative destinations', () => {
    expect(safeMarkdownUrl('https://example.com/a?b#c', 'href')).toBe('https://example.com/a?b#c');
    expect(safeMarkdownUrl('HTTP://example.com', 'src')).toBe('HTTP://example.com');
    expect(safeMarkdownUrl('mailto:a@b.example', 'href')).toBe('mailto:a@b.example');
    expect(safeMarkdownUrl('/x/y.png', 'src')).toBe('/x/y.png');
    expect(safeMarkdownUrl('page.html#a:b', 'href')).toBe('page.html#a:b');
    expect(safeMarkdownUrl('?q=1', 'href')).toBe('?q=1');
  });

  it('refuses scripts, data, other schemes, protocol-relative and odd characters', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '//evil.example/x',
      '\\\\evil.example',
      '/\\evil.example',
      'mailto:a@b.example',
      'https://',
      '',
    ]) {
      expect(safeMarkdownUrl(bad, bad.startsWith('mailto') ? 'src' : 'href'), bad).toBeNull();
    }
  });
});

describe('Markdown safety', () => {
  const payloads = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '[click](javascript:alert(1))',
    '[click](JaVaScRiPt:alert(1))',
    '[click](java\tscript:alert(1))',
    '[click](  javascript:alert(1))',
    '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[click](vbscript:msgbox(1))',
    '[click](//evil.example/x)',
    '[click](/relative/path)',
    '[click](&#106;avascript:alert(1))',
    '<javascript:alert(1)>',
    '<data:text/html,<script>alert(1)</script>>',
    '[x](https://ok.example" onmouseover="alert(1))',
    '![img](https://example.com/x.png" onerror="alert(1))',
    '![img](javascript:alert(1))',
    '![img](data:image/svg+xml,<svg onload=alert(1)>)',
    '`<script>` and **<b onclick=alert(1)>bold</b>**',
    '```html\n<script>alert(1)</script>\n```',
    '[ref]\n\n[ref]: javascript:alert(1)',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<iframe src="https://evil.example"></iframe>',
    '<svg><script>alert(1)</script></svg>',
    '<!-- <img src=x onerror=alert(1)> -->',
    '| a |\n|---|\n| <img src=x onerror=alert(1)> |',
    '- [x] <input type="text" onfocus=alert(1) autofocus>',
    'x[^1]\n\n[^1]: <a href="javascript:alert(1)">y</a>',
  ];

  for (const src of payloads) {
    it(`keeps ${JSON.stringify(src)} harmless`, async () => {
      await ensureLanguages(['html']);
      const tree = markdownToHast(src);
      for (const el of elements(tree)) {
        expect(ALLOWED_TAGS.has(el.tagName), el.tagName).toBe(true);
        for (const name of Object.keys(el.properties)) expect(isEventOrStyle(name), name).toBe(false);
        if (el.tagName === 'input') expect(el.properties).toMatchObject({ type: 'checkbox', disabled: true });
      }
      for (const href of hrefs(tree)) {
        expect(href).toMatch(/^(https?:\/\/|mailto:|\/(?!\/)|#|[\w.-]+(?:[/?#]|$))/);
        expect(href).not.toMatch(/script:|^data:|^\/\/|"/i);
      }
      for (const img of byTag(tree, 'img')) expect(String(img.properties.src)).toMatch(/^(https?:\/\/|\/(?!\/))/);
    });
  }

  it('keeps raw HTML as literal text', () => {
    const tree = markdownToHast('Hello <script>alert("x")</script> & <b>bye</b>');
    expect(elements(tree).map((e) => e.tagName)).toEqual(['p']);
    expect(hastText(tree)).toBe('Hello <script>alert("x")</script> & <b>bye</b>');
  });

  it('shows a raw HTML block as a paragraph of text', () => {
    const tree = markdownToHast('<div onclick="x()">\nhi\n</div>');
    expect(elements(tree).map((e) => e.tagName)).toEqual(['p']);
    expect(hastText(tree)).toBe('<div onclick="x()">\nhi\n</div>');
  });

  it('renders a link with an unsafe destination as its text only', () => {
    const tree = markdownToHast('[click me](javascript:alert(1)) now');
    expect(byTag(tree, 'a')).toHaveLength(0);
    expect(hastText(tree)).toBe('click me now');
  });

  it('never lets a quote break out of the href', () => {
    for (const href of hrefs(markdownToHast('[x](https://ok.example/"onmouseover=alert(1))'))) {
      expect(href).not.toContain('"');
    }
  });

  it('copes with pathological input quickly, without deep recursion', () => {
    const inputs = [
      '*'.repeat(50_000),
      '_a'.repeat(25_000),
      '['.repeat(50_000),
      'a]'.repeat(25_000),
      `${'x[^a] '.repeat(8_000)}\n\n[^a]: x`,
      '[a](b) '.repeat(7_000),
      `${'`'.repeat(10_000)}x`,
      '<'.repeat(50_000),
      `${'> '.repeat(20_000)}x`,
      '- '.repeat(20_000),
      `${'*'.repeat(20_000)}a${'*'.repeat(20_000)}`,
      '|'.repeat(20_000),
      `${'[^a]'.repeat(5_000)}\n\n[^a]: x`,
      Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n'),
    ];
    const started = performance.now();
    for (const src of inputs) {
      const tree = markdownToHast(src);
      let depth = 0;
      const walk = (node: Root | Element, d: number) => {
        depth = Math.max(depth, d);
        for (const c of node.children) if (c.type === 'element') walk(c, d + 1);
      };
      walk(tree, 0);
      expect(depth, src.slice(0, 20)).toBeLessThan(700);
    }
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 60_000);

  it('keeps long paragraphs and many brackets parseable, and code untouched', () => {
    const many = '[x]'.repeat(400);
    const fenced = `\`\`\`\n${many}\n\`\`\``;
    const out = boundedSource(`${many}\n\n${fenced}`);
    expect(out.split('\n\n')[1]).toBe(fenced);
    expect(out.split('\n\n')[0]!.match(/\\\[/g)).toHaveLength(100);
    expect(boundedSource('short [a](b) text')).toBe('short [a](b) text');
    expect(boundedSource(`${'word '.repeat(3_000)}`).split('\n\n').length).toBeGreaterThan(1);
    expect(boundedSource(`${'> '.repeat(20)}x`)).toBe(`${'> '.repeat(16)}\\${'> '.repeat(3)}> x`);
  });
});
