import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { pickEncoding } from './compress.ts';
import { webApp } from './static.ts';

describe('pickEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(pickEncoding('gzip, deflate')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip')).toBe('gzip');
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding(undefined)).toBeNull();
  });
});

describe('the web app files, compressed', () => {
  const root = mkdtempSync(join(tmpdir(), 'lms-static-'));
  mkdirSync(join(root, 'assets'));
  const script = `console.log(${JSON.stringify('a learning platform '.repeat(400))});\n`;
  const page = `<!doctype html><html><head><title>LMS</title></head><body>${'<p>x</p>'.repeat(300)}</body></html>`;
  writeFileSync(join(root, 'assets', 'app.js'), script);
  writeFileSync(join(root, 'index.html'), page);
  writeFileSync(join(root, 'assets', 'logo.png'), Buffer.alloc(4096, 1));
  const app = new Hono().get('*', webApp(root));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const get = (path: string, encoding?: string) =>
    app.request(path, { headers: encoding ? { 'accept-encoding': encoding } : {} });

  it('sends scripts with brotli to a browser that takes it, and the bytes decode to the file', async () => {
    const res = await get('/assets/app.js', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toMatch(/Accept-Encoding/);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBeLessThan(script.length / 4);
    expect(brotliDecompressSync(body).toString()).toBe(script);
  });

  it('sends gzip when that is all the client takes, also for the app page and a 404 page', async () => {
    for (const [path, status, expected] of [
      ['/courses', 200, page],
      ['/no-such-page', 404, page],
    ] as const) {
      const res = await get(path, 'gzip');
      expect(res.status, path).toBe(status);
      expect(res.headers.get('content-encoding'), path).toBe('gzip');
      expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString(), path).toBe(expected);
      expect(res.headers.get('content-security-policy'), path).toContain("default-src 'self'");
    }
  });

  it('sends the file as it is without Accept-Encoding, and never recompresses images', async () => {
    const plain = await get('/assets/app.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
    const image = await get('/assets/logo.png', 'br, gzip');
    expect(image.headers.get('content-encoding')).toBeNull();
    expect((await image.arrayBuffer()).byteLength).toBe(4096);
  });
});
