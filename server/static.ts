import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { Context } from 'hono';
import { isClientRoute } from '../web/src/routes.ts';
import { compressedFiles, pickEncoding } from './compress.ts';

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
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const notFoundBody = { error: { code: 'not_found', message: 'file not found' } };

/**
 * The built web app: files under `root`, and index.html for the client's pages (SPA). A path
 * that is none of the app's routes (web/src/routes.ts) still gets index.html, so the app shows
 * its not-found page, but with status 404, so crawlers and monitors see a missing page. A
 * missing file (a path with an extension) is a plain JSON 404. A path that is not valid
 * percent-encoding, or holds a control character, is a 400: it names no file and no page.
 * The security headers every response carries come from the host (edge/http/security-headers.ts);
 * index.html adds its page-shaped content security policy.
 */
export function webApp(root: string) {
  const base = resolve(root);
  const compressed = compressedFiles();
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
    return send(c, join(base, 'index.html'), isClientRoute(raw) ? 200 : 404, {
      'content-type': TYPES['.html']!,
      'cache-control': 'no-cache',
      'content-security-policy': CONTENT_SECURITY_POLICY,
    });
  };
}
