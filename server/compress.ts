import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Types worth compressing: text. Images and fonts are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|manifest\+json)|image\/svg\+xml)/;

export type Encoding = 'br' | 'gzip';

/** The best encoding the client accepts (brotli, then gzip), or null. `q=0` refuses one. */
export function pickEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    if (name) accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

/**
 * Compressed copies of the web app's files, made once per file version and kept in memory
 * (the build is a few MB at most; the bound keeps a misbehaving root from growing it forever).
 * Brotli at quality 9: close to 11's size at a fraction of its CPU, paid once per file.
 */
export function compressedFiles(maxEntries = 512) {
  const cache = new Map<string, Uint8Array<ArrayBuffer>>();
  return (
    key: string,
    type: string,
    body: Uint8Array<ArrayBuffer>,
    encoding: Encoding | null,
  ): Uint8Array<ArrayBuffer> | null => {
    if (!encoding || body.byteLength < 1024 || !COMPRESSIBLE.test(type)) return null;
    const id = `${encoding}:${key}`;
    let out = cache.get(id);
    if (!out) {
      const packed =
        encoding === 'br'
          ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } })
          : gzipSync(body, { level: 9 });
      out = new Uint8Array(packed);
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
      cache.set(id, out);
    }
    return out;
  };
}

/**
 * One response's body compressed once (a page with data written into it differs per request):
 * cheaper settings than the cached files, since it is paid on every request.
 */
export function compressOnce(
  type: string,
  body: Uint8Array<ArrayBuffer>,
  encoding: Encoding | null,
): Uint8Array<ArrayBuffer> | null {
  if (!encoding || body.byteLength < 1024 || !COMPRESSIBLE.test(type)) return null;
  const packed =
    encoding === 'br'
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
      : gzipSync(body, { level: 6 });
  return new Uint8Array(packed);
}
