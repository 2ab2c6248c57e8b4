import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { pageChunks, webApp } from './static.ts';

const TEMPLATE = `<!doctype html><html><head><title>LMS</title>
    <link rel="preload" href="/api/config" as="fetch" crossorigin="anonymous" />
    <script type="module" crossorigin src="/assets/index.js"></script>
  </head><body><div id="root"></div></body></html>`;

const MANIFEST = {
  'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_shared.js'] },
  '_shared.js': { file: 'assets/shared.js' },
  '_cards.js': { file: 'assets/cards.js', imports: ['_shared.js'] },
  'src/pages/Catalog.tsx': { file: 'assets/Catalog.js', imports: ['index.html', '_cards.js'] },
  'src/pages/CourseDetails.tsx': { file: 'assets/CourseDetails.js', imports: ['index.html'] },
  '../node_modules/@supabase/auth-js/dist/module/index.js': { file: 'assets/auth.js' },
};

/** The first data block of a page, parsed. */
const firstData = (html: string) =>
  JSON.parse(/<script type="application\/json" id="first-data">(.*?)<\/script>/s.exec(html)![1]!) as Record<
    string,
    unknown
  >;

describe('pageChunks', () => {
  it('lists a module’s chunk and its imports, without what the entry loads', () => {
    expect(pageChunks(MANIFEST, ['src/pages/Catalog.tsx'])).toEqual(['/assets/Catalog.js', '/assets/cards.js']);
    expect(pageChunks(MANIFEST, ['nope'])).toEqual([]);
    expect(pageChunks({}, ['src/pages/Catalog.tsx'])).toEqual([]);
  });
});

describe('the app page with its first data', () => {
  const root = mkdtempSync(join(tmpdir(), 'lms-page-'));
  mkdirSync(join(root, '.vite'));
  writeFileSync(join(root, 'index.html'), TEMPLATE);
  writeFileSync(join(root, '.vite/manifest.json'), JSON.stringify(MANIFEST));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const asked: Request[] = [];
  const api = new Hono()
    .get('/api/config', (c) => c.json({ mode: 'embedded', host: c.req.header('host'), ip: c.req.header('x-real-ip') }))
    .get('/api/courses', (c) =>
      c.json({ items: [{ title: '</script><script>alert(1)</script>', price: "$' and $& stay" }], q: c.req.query() }),
    )
    .get('/api/categories', (c) => c.json({ items: [] }))
    .get('/api/courses/:slug', (c) =>
      c.req.param('slug') === 'slow'
        ? new Promise<Response>(() => {})
        : c.req.param('slug') === 'broken'
          ? c.json({ error: { code: 'internal', message: 'x' } }, 500)
          : c.json({ slug: c.req.param('slug') }),
    );
  const app = new Hono().get(
    '*',
    webApp(root, {
      api: (req) => {
        asked.push(req);
        return api.fetch(req);
      },
      firstDataTimeoutMs: 300,
    }),
  );
  const page = async (path: string, headers: Record<string, string> = {}) => {
    const res = await app.request(`http://localhost:8787${path}`, {
      headers: { host: 'localhost:8787', 'x-real-ip': '127.0.0.1', ...headers },
    });
    return { res, html: await res.text() };
  };

  it('writes the catalog’s anonymous answers and the config into the page, and preloads its code', async () => {
    asked.length = 0;
    const { res, html } = await page('/courses?sort=newest');
    expect(res.status).toBe(200);
    expect(res.headers.get('vary')).toBe('Accept-Encoding, Cookie');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const data = firstData(html);
    expect(Object.keys(data).sort()).toEqual([
      '/api/categories',
      '/api/config',
      '/api/courses?sort=newest&page=1&pageSize=12',
    ]);
    expect(data['/api/config']).toEqual({ mode: 'embedded', host: 'localhost:8787', ip: '127.0.0.1' });
    // A title cannot end the block, and `$` patterns are not expanded.
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    const courses = data['/api/courses?sort=newest&page=1&pageSize=12'] as {
      items: { title: string; price: string }[];
    };
    expect(courses.items[0]).toEqual({ title: '</script><script>alert(1)</script>', price: "$' and $& stay" });
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/Catalog.js">');
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/cards.js">');
    expect(html).not.toContain('/assets/shared.js"><');
    expect(html).not.toContain('rel="preload" href="/api/config"');
    expect(html).not.toContain('/assets/auth.js');
  });

  it('asks the API as an anonymous visitor: no cookie or token of the visitor goes with it', async () => {
    asked.length = 0;
    await page('/courses/html-css', { authorization: 'Bearer abc' });
    expect(asked.map((r) => new URL(r.url).pathname).sort()).toEqual([
      '/api/config',
      '/api/courses/html-css',
      '/api/courses/html-css/bundles',
      '/api/courses/html-css/faq',
      '/api/courses/html-css/reviews',
    ]);
    for (const r of asked) {
      expect(r.headers.get('authorization')).toBeNull();
      expect(r.headers.get('cookie')).toBeNull();
    }
  });

  it('gives a visitor with a session only the config, and preloads the auth client', async () => {
    const { html } = await page('/courses/html-css', { cookie: 'sb-localhost-auth-token=base64-eyJ' });
    expect(Object.keys(firstData(html))).toEqual(['/api/config']);
    expect(html).toContain('href="/assets/CourseDetails.js"');
    expect(html).toContain('href="/assets/auth.js"');
  });

  it('leaves out an answer that fails or takes too long, and still sends the page', async () => {
    for (const slug of ['broken', 'slow']) {
      const { res, html } = await page(`/courses/${slug}`);
      expect(res.status, slug).toBe(200);
      expect(Object.keys(firstData(html)), slug).toEqual(['/api/config']);
    }
  });

  it('keeps the 404 of an unknown page, with the config only', async () => {
    const { res, html } = await page('/no-such-page');
    expect(res.status).toBe(404);
    expect(Object.keys(firstData(html))).toEqual(['/api/config']);
    expect(html).not.toContain('modulepreload');
  });

  it('sends the template as it is without an API (a plain static host)', async () => {
    const plain = new Hono().get('*', webApp(root));
    const res = await plain.request('/courses');
    expect(await res.text()).toBe(TEMPLATE);
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
  });
});
