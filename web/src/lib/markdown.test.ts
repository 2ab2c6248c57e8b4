import { describe, expect, it } from 'vitest';
import { type Block, type Inline, inlineText, parseInline, parseMarkdown } from './markdown.ts';

/** Every link href anywhere in a tree. */
function hrefs(blocks: Block[]): string[] {
  const out: string[] = [];
  const inl = (nodes: Inline[]) => {
    for (const n of nodes) {
      if (n.type === 'link') {
        out.push(n.href);
        inl(n.children);
      } else if (n.type === 'strong' || n.type === 'em') inl(n.children);
    }
  };
  const blk = (bs: Block[]) => {
    for (const b of bs) {
      if (b.type === 'heading' || b.type === 'paragraph') inl(b.children);
      else if (b.type === 'list') {
        for (const item of b.items) {
          inl(item.children);
          blk(item.blocks);
        }
      } else if (b.type === 'blockquote') blk(b.children);
    }
  };
  blk(blocks);
  return out;
}

/** Every node type anywhere in a tree: only the known, harmless ones may appear. */
function nodeTypes(value: unknown, acc = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) nodeTypes(v, acc);
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.type === 'string') acc.add(o.type);
    for (const v of Object.values(o)) nodeTypes(v, acc);
  }
  return acc;
}

const ALLOWED = new Set([
  'heading',
  'paragraph',
  'list',
  'code',
  'blockquote',
  'rule',
  'text',
  'strong',
  'em',
  'link',
  'break',
]);

describe('parseMarkdown: blocks', () => {
  it('parses headings, paragraphs and soft breaks', () => {
    expect(parseMarkdown('# Title\n\nFirst line\nsecond line\n\n## Sub ##')).toEqual([
      { type: 'heading', level: 1, children: [{ type: 'text', text: 'Title' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'First line second line' }] },
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Sub' }] },
    ]);
  });

  it('needs a space after the hashes', () => {
    expect(parseMarkdown('#hashtag')).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: '#hashtag' }] }]);
  });

  it('parses bullet and numbered lists, with a start number', () => {
    const blocks = parseMarkdown('- one\n- two\n\n3. three\n4. four');
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatchObject({ type: 'list', ordered: false, start: 1 });
    expect(blocks[1]).toMatchObject({ type: 'list', ordered: true, start: 3 });
    const list = blocks[0] as Extract<Block, { type: 'list' }>;
    expect(list.items.map((i) => inlineText(i.children))).toEqual(['one', 'two']);
  });

  it('nests indented lists inside an item', () => {
    const [list] = parseMarkdown('- fruit\n  - apple\n  - pear\n- veg') as Extract<Block, { type: 'list' }>[];
    expect(list!.items).toHaveLength(2);
    expect(list!.items[0]!.blocks[0]).toMatchObject({ type: 'list', ordered: false });
    const nested = list!.items[0]!.blocks[0] as Extract<Block, { type: 'list' }>;
    expect(nested.items.map((i) => inlineText(i.children))).toEqual(['apple', 'pear']);
  });

  it('keeps lazy continuation lines in the item', () => {
    const [list] = parseMarkdown('- a long item\nthat wraps') as Extract<Block, { type: 'list' }>[];
    expect(inlineText(list!.items[0]!.children)).toBe('a long item that wraps');
  });

  it('keeps fenced code verbatim, with its language', () => {
    const src = '```js\nconst a = "<b>";\n\n**not bold**\n```\nafter';
    expect(parseMarkdown(src)).toEqual([
      { type: 'code', lang: 'js', text: 'const a = "<b>";\n\n**not bold**' },
      { type: 'paragraph', children: [{ type: 'text', text: 'after' }] },
    ]);
  });

  it('runs an unclosed fence to the end', () => {
    expect(parseMarkdown('~~~\ncode')).toEqual([{ type: 'code', lang: '', text: 'code' }]);
  });

  it('parses block quotes and rules', () => {
    expect(parseMarkdown('> quoted *text*\n\n---')).toEqual([
      {
        type: 'blockquote',
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: 'quoted ' },
              { type: 'em', children: [{ type: 'text', text: 'text' }] },
            ],
          },
        ],
      },
      { type: 'rule' },
    ]);
  });

  it('normalises CRLF line endings', () => {
    expect(parseMarkdown('a\r\nb\r\n\r\nc')).toHaveLength(2);
  });
});

describe('parseInline', () => {
  it('parses bold, italic and code', () => {
    expect(parseInline('**bold** and *it* and _it2_ and `x < y`')).toEqual([
      { type: 'strong', children: [{ type: 'text', text: 'bold' }] },
      { type: 'text', text: ' and ' },
      { type: 'em', children: [{ type: 'text', text: 'it' }] },
      { type: 'text', text: ' and ' },
      { type: 'em', children: [{ type: 'text', text: 'it2' }] },
      { type: 'text', text: ' and ' },
      { type: 'code', text: 'x < y' },
    ]);
  });

  it('nests emphasis', () => {
    expect(parseInline('**bold *and italic***')).toEqual([
      {
        type: 'strong',
        children: [
          { type: 'text', text: 'bold ' },
          { type: 'em', children: [{ type: 'text', text: 'and italic' }] },
        ],
      },
    ]);
  });

  it('leaves snake_case, lone stars and unclosed markers alone', () => {
    expect(parseInline('use snake_case_names here')).toEqual([{ type: 'text', text: 'use snake_case_names here' }]);
    expect(parseInline('2 * 3 * 4')).toEqual([{ type: 'text', text: '2 * 3 * 4' }]);
    expect(parseInline('**unclosed and `tick')).toEqual([{ type: 'text', text: '**unclosed and `tick' }]);
  });

  it('honours backslash escapes', () => {
    expect(parseInline('\\*not italic\\* \\[x\\](y)')).toEqual([{ type: 'text', text: '*not italic* [x](y)' }]);
  });

  it('makes hard breaks from two trailing spaces or a backslash', () => {
    expect(parseInline('a  \nb\\\nc')).toEqual([
      { type: 'text', text: 'a' },
      { type: 'break' },
      { type: 'text', text: 'b' },
      { type: 'break' },
      { type: 'text', text: 'c' },
    ]);
  });

  it('parses http(s) links, with a title, and autolinks', () => {
    expect(parseInline('[Docs](https://example.com/a_(b) "The docs") <http://example.org/x>')).toEqual([
      {
        type: 'link',
        href: 'https://example.com/a_(b)',
        title: 'The docs',
        children: [{ type: 'text', text: 'Docs' }],
      },
      { type: 'text', text: ' ' },
      { type: 'link', href: 'http://example.org/x', children: [{ type: 'text', text: 'http://example.org/x' }] },
    ]);
  });

  it('parses formatting inside link text, but not links inside links', () => {
    expect(parseInline('[**bold** [inner](https://b.example)](https://a.example)')).toEqual([
      {
        type: 'link',
        href: 'https://a.example/',
        children: [
          { type: 'strong', children: [{ type: 'text', text: 'bold' }] },
          { type: 'text', text: ' inner' },
        ],
      },
    ]);
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
    '`<script>` and **<b onclick=alert(1)>bold</b>**',
    '```html\n<script>alert(1)</script>\n```',
  ];

  for (const src of payloads) {
    it(`keeps ${JSON.stringify(src)} harmless`, () => {
      const blocks = parseMarkdown(src);
      for (const t of nodeTypes(blocks)) expect(ALLOWED.has(t)).toBe(true);
      for (const href of hrefs(blocks)) expect(href).toMatch(/^https?:\/\//);
    });
  }

  it('keeps raw HTML as literal text', () => {
    expect(parseMarkdown('Hello <script>alert("x")</script> & <b>bye</b>')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'Hello <script>alert("x")</script> & <b>bye</b>' }] },
    ]);
  });

  it('renders a link with an unsafe destination as its text only', () => {
    expect(parseInline('[click me](javascript:alert(1)) now')).toEqual([{ type: 'text', text: 'click me now' }]);
  });

  it('drops a quote that would break out of the href', () => {
    const nodes = parseInline('[x](https://ok.example/"onmouseover=alert(1))');
    for (const href of hrefs([{ type: 'paragraph', children: nodes }])) {
      expect(href).not.toContain('"');
    }
  });

  it('copes with pathological input quickly', () => {
    const inputs = [
      '*'.repeat(50_000),
      '_a'.repeat(25_000),
      '['.repeat(50_000),
      `${'`'.repeat(10_000)}x`,
      '<'.repeat(50_000),
      `${'> '.repeat(2_000)}x`,
      '- '.repeat(5_000),
    ];
    const started = performance.now();
    for (const src of inputs) parseMarkdown(src);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
