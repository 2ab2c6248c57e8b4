import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../support/browser.ts';

/**
 * web/src/lib/markdown.ts in real Chromium: every example of the CommonMark spec (0.31.2) is
 * rendered to DOM nodes and compared with the spec's HTML, both serialised by the browser and
 * normalised (sorted attributes, whitespace at block edges, no rel/loading/decoding). The
 * examples that differ differ by design and are listed below with the reason; any other
 * difference, or a listed one that starts to match, fails.
 */

/**
 * Raw HTML is never passed through: the source shows as text, so these render differently by
 * design. 148-191 are the "HTML blocks" section, 613-631 "Raw HTML"; the others put a tag,
 * a comment or a processing instruction in a paragraph, a list, a code span, emphasis, a link
 * destination or a hard break (21, 31, 201, 308, 309, 344, 475-477, 491, 494, 524, 536, 642, 643).
 */
const RAW_HTML = [
  21, 31, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167, 168, 169,
  170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 201,
  308, 309, 344, 475, 476, 477, 491, 494, 524, 536, 613, 614, 615, 616, 617, 623, 625, 626, 627, 628, 629, 630, 631,
  642, 643,
];

/**
 * Destinations our link policy refuses, so the link shows as its text: an empty destination
 * (200, 485, 486, 487, 567), a scheme other than http(s)/mailto or a colon read as one
 * (500 "foo):", 596 irc:, 597 upper-case MAILTO:, 598 a+b+c:, 599 made-up-scheme:, 601 localhost:).
 */
const URL_POLICY = [200, 485, 486, 487, 500, 567, 596, 597, 598, 599, 601];

/** GFM's autolink literals link bare URLs and addresses that CommonMark leaves as text. */
const GFM = [602, 606, 608, 611, 612];

type Example = { markdown: string; html: string; number: number; section: string };
const spec = createRequire(import.meta.url)('commonmark-spec') as { tests: Example[] };
const examples = spec.tests.map((e) => ({
  ...e,
  markdown: e.markdown.replaceAll('→', '\t'),
  html: e.html.replaceAll('→', '\t'),
}));

let browser: Browser;
let page: Page;

beforeAll(async () => {
  const out = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: {
        entry: fileURLToPath(new URL('../../web/src/lib/markdown.ts', import.meta.url)),
        formats: ['iife'],
        name: 'MD',
      },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  })) as Rolldown.RolldownOutput[];
  const code = out[0]!.output.find((c) => c.type === 'chunk')!.code;
  browser = await launch();
  page = await browser.newPage();
  await page.setContent('<!doctype html><html lang="en"><head><title>spec</title></head><body></body></html>');
  await page.addScriptTag({ content: code });
  await page.evaluate(() => {
    const BLOCK = new Set(
      'address article aside blockquote body details dd div dl dt figure footer h1 h2 h3 h4 h5 h6 header hr li main ol p pre section table tbody td tfoot th thead tr ul'.split(
        ' ',
      ),
    );
    const DROP = new Set(['rel', 'loading', 'decoding']);
    const isBlock = (n: Node | null) => n?.nodeType === 1 && BLOCK.has((n as Element).localName);
    const canon = (node: Node, inPre: boolean): string => {
      if (node.nodeType === 3) {
        let t = node.textContent ?? '';
        if (inPre) return t.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
        const parentBlock = isBlock(node.parentNode);
        if ((parentBlock && !node.previousSibling) || isBlock(node.previousSibling)) t = t.trimStart();
        if ((parentBlock && !node.nextSibling) || isBlock(node.nextSibling)) t = t.trimEnd();
        return t
          .replace(/\s+/g, ' ')
          .replaceAll('&', '&amp;')
          .replaceAll('<', '&lt;')
          .replaceAll('>', '&gt;')
          .replaceAll('\u00a0', '&nbsp;');
      }
      if (node.nodeType !== 1) return '';
      const el = node as Element;
      const attrs = [...el.attributes]
        .filter((a) => !DROP.has(a.name))
        .map((a) => `${a.name}="${a.value.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"`)
        .sort()
        .join(' ');
      const pre = inPre || el.localName === 'pre';
      const inner = [...el.childNodes].map((c) => canon(c, pre)).join('');
      return `<${el.localName}${attrs ? ` ${attrs}` : ''}>${inner}</${el.localName}>`;
    };
    const w = window as unknown as {
      MD: { renderMarkdown(src: string, doc: Document, o: object): DocumentFragment };
      canonRendered(src: string, options?: object): string;
      canonHtml(html: string): string;
    };
    w.canonRendered = (src, options = { codeRegions: false, highlight: false }) => {
      const div = document.createElement('div');
      div.append(w.MD.renderMarkdown(src, document, options));
      return canon(div, false);
    };
    w.canonHtml = (html) => {
      const doc = new DOMParser().parseFromString(`<!doctype html><body><div>${html}</div>`, 'text/html');
      return canon(doc.body.firstChild!, false);
    };
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

async function compare(
  list: Example[],
): Promise<{ number: number; section: string; ok: boolean; got: string; want: string }[]> {
  return page.evaluate((items) => {
    const w = window as unknown as { canonRendered(src: string): string; canonHtml(html: string): string };
    return items.map((e) => {
      const got = w.canonRendered(e.markdown);
      const want = w.canonHtml(e.html);
      return { number: e.number, section: e.section, ok: got === want, got, want };
    });
  }, list);
}

describe('CommonMark spec examples, rendered in Chromium', () => {
  it('renders every example as the spec does, except the listed ones', async () => {
    const results = await compare(examples);
    expect(results).toHaveLength(652);
    const expectedToDiffer = new Set([...RAW_HTML, ...URL_POLICY, ...GFM]);
    const unexpected = results.filter((r) => r.ok === expectedToDiffer.has(r.number));
    expect(
      unexpected.map(
        (r) => `#${r.number} (${r.section}) ${r.ok ? 'now matches' : `\n got: ${r.got}\nwant: ${r.want}`}`,
      ),
    ).toEqual([]);
  });
});

/** Renders in the page with the app's options (highlighting, code regions, heading level) and normalises. */
function render(src: string, options: object = {}): Promise<string> {
  return page.evaluate(
    ([s, o]) => (window as unknown as { canonRendered(src: string, options: object): string }).canonRendered(s, o),
    [src, options] as const,
  );
}

describe("GFM and the app's options, rendered in Chromium", () => {
  it('renders tables', async () => {
    expect(await render('| a | b |\n|:-|-:|\n| 1 | ~~2~~ |')).toBe(
      '<div><table><thead><tr><th align="left">a</th><th align="right">b</th></tr></thead>' +
        '<tbody><tr><td align="left">1</td><td align="right"><del>2</del></td></tr></tbody></table></div>',
    );
  });

  it('renders task lists', async () => {
    expect(await render('- [x] done\n- [ ] to do')).toBe(
      '<div><ul class="contains-task-list">' +
        '<li class="task-list-item"><input aria-label="Done" checked="" disabled="" type="checkbox"></input> done</li>' +
        '<li class="task-list-item"><input aria-label="Not done" disabled="" type="checkbox"></input> to do</li></ul></div>',
    );
  });

  it('renders strikethrough and autolink literals', async () => {
    expect(await render('~~old~~ www.example.com and a@b.example')).toBe(
      '<div><p><del>old</del> <a href="http://www.example.com">www.example.com</a> and ' +
        '<a href="mailto:a@b.example">a@b.example</a></p></div>',
    );
  });

  it('renders footnotes, their heading at the given level', async () => {
    expect(await render('Hi[^1]\n\n[^1]: Note.', { idPrefix: 'm-', headingLevel: 3 })).toBe(
      '<div><p>Hi<sup><a aria-describedby="m-footnote-label" data-footnote-ref="" href="#m-fn-1" id="m-fnref-1">1</a></sup></p>' +
        '<section class="footnotes" data-footnotes=""><h3 class="sr-only" id="m-footnote-label">Footnotes</h3>' +
        '<ol><li id="m-fn-1"><p>Note. <a aria-label="Back to reference 1" class="data-footnote-backref" data-footnote-backref="" href="#m-fnref-1">↩</a></p></li></ol></section></div>',
    );
  });

  it('shifts headings so the top one gets the given level', async () => {
    expect(await render('# A\n\n## B\n\n###### C', { headingLevel: 2 })).toBe(
      '<div><h2>A</h2><h3>B</h3><h6>C</h6></div>',
    );
  });

  it('makes code blocks named, focusable regions and highlights loaded languages', async () => {
    await page.evaluate(() =>
      (window as unknown as { MD: { ensureLanguages(l: string[]): Promise<boolean> } }).MD.ensureLanguages(['py']),
    );
    expect(await render('```py\nprint("<b>")\n```', {})).toBe(
      '<div><pre aria-label="py code" role="region" tabindex="0"><code class="language-py hljs">' +
        '<span class="hljs-built_in">print</span>(<span class="hljs-string">"&lt;b&gt;"</span>)\n</code></pre></div>',
    );
  });

  it('puts no script, handler or unsafe URL in the document, and runs nothing', async () => {
    const payloads = [
      '<script>window.ran = 1</script>',
      '<img src=x onerror="window.ran = 2">',
      '[x](javascript:window.ran=3)',
      '![x](javascript:window.ran=4)',
      '<a href="javascript:window.ran=5">y</a>',
      '[r]\n\n[r]: javascript:window.ran=6',
      '<svg onload="window.ran = 7"></svg>',
      '<iframe srcdoc="<script>parent.ran=8</script>"></iframe>',
      '<details open ontoggle="window.ran = 9">',
      '[x](//evil.example) ![y](data:image/png;base64,AAAA)',
    ];
    const found = await page.evaluate(async (srcs) => {
      const w = window as unknown as {
        ran?: number;
        MD: { renderMarkdown(src: string, doc: Document, o: object): DocumentFragment };
      };
      const root = document.createElement('div');
      document.body.append(root);
      for (const src of srcs) root.append(w.MD.renderMarkdown(src, document, {}));
      await new Promise((r) => setTimeout(r, 200));
      const bad: string[] = [];
      for (const el of root.querySelectorAll('*')) {
        if (['script', 'iframe', 'svg', 'details', 'style', 'object', 'embed'].includes(el.localName))
          bad.push(el.localName);
        for (const a of el.attributes) {
          if (/^on/i.test(a.name) || a.name === 'style' || a.name === 'srcdoc') bad.push(`${el.localName}[${a.name}]`);
          if ((a.name === 'href' || a.name === 'src') && !/^(https?:\/\/|mailto:|\/(?!\/)|#)/i.test(a.value)) {
            bad.push(`${el.localName}[${a.name}=${a.value}]`);
          }
        }
      }
      root.remove();
      return { bad, ran: w.ran ?? null };
    }, payloads);
    expect(found).toEqual({ bad: [], ran: null });
  });
});
