import { Readable } from 'node:stream';
import type { StorageContext } from './context.ts';
import { errors } from './errors.ts';
import type { ObjectRow } from './objects.ts';
import { baseName } from './paths.ts';
import { etagMatches, ifRangeHolds, parseRange } from './range.ts';

/**
 * Serves an object's bytes: ETag / If-None-Match (304), Accept-Ranges with one range per request
 * (206 + Content-Range; 416 past the end), If-Range, and `?download[=name]` as an attachment.
 * The file is streamed from disk, never read into memory, so a <video> can seek through it.
 */

/** `attachment; filename="..."` with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** The policy every stored object but an inline PDF is served with. */
export const OBJECT_POLICY =
  "sandbox; default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'";

export async function serveObject(ctx: StorageContext, req: Request, row: ObjectRow): Promise<Response> {
  const file = await ctx.disk.openVersion(row.bucket_id, row.name, row.version);
  const etag = row.metadata?.eTag ?? `"${row.version}"`;
  const lastModified = new Date(row.updated_at);
  const headers = new Headers({
    'content-type': row.metadata?.mimetype ?? 'application/octet-stream',
    'cache-control': row.metadata?.cacheControl ?? 'no-cache',
    etag,
    'last-modified': lastModified.toUTCString(),
    'accept-ranges': 'bytes',
  });
  const download = new URL(req.url).searchParams.get('download');
  if (download !== null) headers.set('content-disposition', contentDisposition(download || baseName(row.name)));
  // A PDF (a lesson's PDF or slides) may be shown in a frame of this site's own pages, nowhere else.
  if (download === null && headers.get('content-type') === 'application/pdf') {
    headers.set('x-frame-options', 'SAMEORIGIN');
    headers.set('content-security-policy', "default-src 'none'; object-src 'self'; frame-ancestors 'self'");
  } else {
    // Anything else users uploaded (an SVG, an HTML file sent as text/html) is served from this
    // site's origin: opened directly, it runs nothing and reaches nothing (a sandboxed, opaque
    // origin without scripts). <img>, <video> and downloads are unaffected.
    headers.set('content-security-policy', OBJECT_POLICY);
  }

  if (etagMatches(req.headers.get('if-none-match'), etag)) {
    await file.handle.close();
    return new Response(null, { status: 304, headers });
  }

  const range = ifRangeHolds(req.headers.get('if-range'), etag, lastModified)
    ? parseRange(req.headers.get('range'), file.size)
    : ({ kind: 'full' } as const);
  if (range.kind === 'unsatisfiable') {
    await file.handle.close();
    const error = errors.invalidRange();
    headers.set('content-range', `bytes */${file.size}`);
    headers.set('content-type', 'application/json');
    return new Response(JSON.stringify(error.body()), { status: error.httpStatus, headers });
  }
  const start = range.kind === 'partial' ? range.start : 0;
  const end = range.kind === 'partial' ? range.end : file.size - 1;
  headers.set('content-length', String(Math.max(0, end - start + 1)));
  if (range.kind === 'partial') headers.set('content-range', `bytes ${start}-${end}/${file.size}`);
  const status = range.kind === 'partial' ? 206 : 200;

  if (req.method === 'HEAD' || file.size === 0) {
    await file.handle.close();
    return new Response(null, { status, headers });
  }
  // The stream closes the file when it ends or when the client goes away.
  const stream = file.handle.createReadStream({ start, end, autoClose: true });
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status, headers });
}
