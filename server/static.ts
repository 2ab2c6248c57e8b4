import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { Context } from 'hono';
import { CONFIG_PATH, firstDataFor, hasSessionCookie, serializeFirstData } from '../web/src/lib/first-data.ts';
import { isClientRoute } from '../web/src/routes.ts';
import { compressedFiles, compressOnce, pickEncoding } from './compress.ts';
import type { ApiAnswer, PageSeo } from './seo/render.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * The page's content security policy: only our own scripts, no inline script, no framing.
 * Images may come from https URLs (course thumbnails, avatars); data only from this origin.
 * The code labs' Monaco (served from /vendor/monaco) starts its web workers from blob: URLs that
 * import its own scripts, and embeds its icon font as a data: URL.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const notFoundBody = { error: { code: 'not_found', message: 'file not found' } };

export interface WebAppOptions {
  /**
   * The host's own app. With it, index.html carries the page's first data (web/src/lib/first-data.ts):
   * the public config, and for a visitor without a session the anonymous API answers the page
   * starts with, asked in-process (the catalog cache answers them), plus a modulepreload of the
   * page's code.
   */
  api?: (request: Request) => Response | Promise<Response>;
  /** How long a page waits for its first data before it goes without (the app then asks itself). */
  firstDataTimeoutMs?: number;
  /** Public pages' head and content for crawlers (server/seo); needs `api`. */
  seo?: PageSeo;
}

/** A file's content, read again only when it changes. */
function cachedFile<T>(file: string, parse: (text: string) => T) {
  let cached: { mtimeMs: number; value: T } | undefined;
  return async (): Promise<T | undefined> => {
    if (!existsSync(file)) return undefined;
    const { mtimeMs } = statSync(file);
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, value: parse(await readFile(file, 'utf8')) };
    return cached.value;
  };
}

type Manifest = Record<string, { file: string; imports?: string[]; isEntry?: boolean }>;

/** The auth client's chunk (web/src/lib/supabase.ts imports it when the cookies hold a session). */
export const AUTH_MODULE = /\/@supabase\/auth-js\//;

/** The chunks of these modules and those they import, minus the entry's (index.html loads those). */
export function pageChunks(manifest: Manifest, modules: string[]): string[] {
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  const loaded = new Set<string>();
  const walk = (key: string, into: Set<string>) => {
    if (into.has(key) || !manifest[key]) return;
    into.add(key);
    for (const dep of manifest[key]!.imports ?? []) walk(dep, into);
  };
  if (entryKey) walk(entryKey, loaded);
  const wanted = new Set<string>();
  for (const key of modules) walk(key, wanted);
  return [...wanted].filter((k) => !loaded.has(k)).map((k) => `/${manifest[k]!.file}`);
}

/** Resolves with undefined when `promise` takes longer than `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: Parameters<typeof clearTimeout>[0];
  const late = new Promise<undefined>((done) => {
    timer = setTimeout(done, ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * The built web app: files under `root`, and index.html for the client's pages (SPA). A path
 * that is none of the app's routes (web/src/routes.ts) still gets index.html, so the app shows
 * its not-found page, but with status 404, so crawlers and monitors see a missing page. A
 * missing file (a path with an extension) is a plain JSON 404. A path that is not valid
 * percent-encoding, or holds a control character, is a 400: it names no file and no page.
 * The security headers every response carries come from the host (edge/http/security-headers.ts);
 * index.html adds its page-shaped content security policy.
 */
export function webApp(root: string, options: WebAppOptions = {}) {
  const base = resolve(root);
  const compressed = compressedFiles();
  const template = cachedFile(join(base, 'index.html'), (text) => text);
  const manifest = cachedFile(join(base, '.vite/manifest.json'), (text): Manifest => JSON.parse(text));
  const api = options.api;
  const timeoutMs = options.firstDataTimeoutMs ?? 2000;

  /** The anonymous answers `paths` get from the API, as the visitor's browser would get them (status, and 200s' JSON). */
  const answers = async (c: Context, paths: string[]): Promise<Record<string, ApiAnswer>> => {
    if (!api) return {};
    const headers = new Headers({ accept: 'application/json' });
    for (const name of ['host', 'x-real-ip']) {
      const value = c.req.header(name);
      if (value) headers.set(name, value);
    }
    const one = async (path: string): Promise<[string, ApiAnswer] | undefined> => {
      try {
        const res = await api(new Request(new URL(path, c.req.url), { headers }));
        if (res.status !== 200) return [path, { status: res.status }];
        if (!res.headers.get('content-type')?.startsWith('application/json')) return undefined;
        return [path, { status: 200, body: await res.json() }];
      } catch {
        return undefined; // the app asks again, and shows the error if there is one
      }
    };
    const got = await Promise.all([...new Set(paths)].map((p) => within(one(p), timeoutMs)));
    return Object.fromEntries(got.filter((x): x is [string, ApiAnswer] => !!x));
  };

  /**
   * index.html with the page's first data and the modulepreload of its code (and of auth-js with a
   * session), and for public pages their head and content (server/seo). `found`: false when the
   * page shows something that does not exist (the answer is then a 404).
   */
  const page = async (c: Context, route: boolean): Promise<{ html: string; found: boolean }> => {
    const html = (await template())!;
    if (!api) return { html, found: route };
    const url = new URL(c.req.url);
    const wants = route ? firstDataFor(url.pathname, url.search) : { api: [] };
    // A visitor with a session gets answers of their own from the app, not the anonymous ones.
    const anonymous = !hasSessionCookie(c.req.header('cookie'));
    const firstPaths = [CONFIG_PATH, ...(anonymous ? wants.api : [])];
    // The head and content crawlers read are the anonymous page's, for every visitor.
    const seoPaths = route && options.seo ? options.seo.api(url) : [];
    const got = await answers(c, [...firstPaths, ...seoPaths]);
    const data: Record<string, unknown> = {};
    for (const path of firstPaths) if (got[path]?.status === 200) data[path] = got[path]!.body;
    const seo = options.seo?.render(url, route, got);
    const built = (await manifest()) ?? {};
    // With a session, the app loads the auth client at once: fetch it beside the entry.
    const modules = [
      ...(wants.page ? [wants.page] : []),
      ...Object.keys(built).filter((k) => !anonymous && AUTH_MODULE.test(k)),
    ];
    const chunks = pageChunks(built, modules);
    const head = chunks.map((href) => `<link rel="modulepreload" crossorigin href="${href}">`).join('');
    const body = `<script type="application/json" id="first-data">${serializeFirstData(data)}</script>`;
    let out = seo ? seo.apply(html) : html;
    // The config is in the page now: its preload would be a second, unused copy.
    if (CONFIG_PATH in data) out = out.replace(/<link rel="preload" href="\/api\/config"[^>]*>\s*/, '');
    // Replacer functions: the data may hold `$&` or `$'`, which a replacement string would expand.
    out = out.replace('</head>', () => `${head}</head>`).replace('</body>', () => `${body}</body>`);
    return { html: out, found: route && !seo?.notFound };
  };

  /** The file, brotli- or gzip-compressed when the client takes it and it is text. */
  const send = async (c: Context, file: string, status: 200 | 404, headers: Record<string, string>) => {
    const body = new Uint8Array(await readFile(file));
    const type = headers['content-type']!;
    const encoding = pickEncoding(c.req.header('accept-encoding'));
    const packed = compressed(`${file}:${statSync(file).mtimeMs}`, type, body, encoding);
    const vary = { vary: 'Accept-Encoding' };
    if (!packed || !encoding) return c.body(body, status, { ...headers, ...vary });
    return c.body(packed, status, { ...headers, ...vary, 'content-encoding': encoding });
  };
  return async (c: Context) => {
    if (!existsSync(join(base, 'index.html'))) {
      return c.text('The web app is not built yet: run `npm run build` (npm start does it for you).', 503);
    }
    const raw = new URL(c.req.url).pathname;
    let path: string;
    try {
      path = decodeURIComponent(raw);
    } catch {
      return c.json({ error: { code: 'bad_request', message: 'the path is not valid percent-encoding' } }, 400);
    }
    if (/[\u0000-\u001f\u007f]/.test(path)) {
      return c.json({ error: { code: 'bad_request', message: 'the path may not contain control characters' } }, 400);
    }
    const file = normalize(join(base, path));
    if (file.startsWith(`${base}/`) && extname(file) && existsSync(file) && statSync(file).isFile()) {
      const immutable = path.startsWith('/assets/');
      return send(c, file, 200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    }
    if (extname(path)) return c.json(notFoundBody, 404);
    const built = await page(c, isClientRoute(raw));
    const found = built.found;
    const html = new Uint8Array(Buffer.from(built.html));
    const type = TYPES['.html']!;
    const encoding = pickEncoding(c.req.header('accept-encoding'));
    const packed = compressOnce(type, html, encoding);
    const headers: Record<string, string> = {
      'content-type': type,
      'cache-control': 'no-cache',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      // The page differs with and without a session cookie.
      vary: api ? 'Accept-Encoding, Cookie' : 'Accept-Encoding',
    };
    if (!packed || !encoding) return c.body(html, found ? 200 : 404, headers);
    return c.body(packed, found ? 200 : 404, { ...headers, 'content-encoding': encoding });
  };
}
