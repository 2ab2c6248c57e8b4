import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COURSE, USER } from '../../supabase/tests/fixtures.ts';
import { type StorageHost, startStorageHost } from './test-host.ts';

/**
 * The storage HTTP surface beyond the client's happy paths: ranges and conditional requests,
 * limits enforced before bytes are kept, path traversal in names, and malformed input (always a
 * 4xx in Supabase's error shape, never a 500). PGlite; the same routes run on PostgreSQL in
 * buckets.test.ts.
 */

/** Every file under the storage root, relative to it (directories left out). */
function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

/** A raw HTTP request, path sent exactly as given (fetch would normalize `..`). */
function raw(url: string, method: string, path: string, headers: Record<string, string> = {}, body?: Buffer) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const u = new URL(url);
    const req = httpRequest({ host: u.hostname, port: u.port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (c) => {
        text += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the storage HTTP surface', () => {
  let h: StorageHost;
  let auth: Record<string, string>;
  const object = (path: string) => `${h.url}/storage/v1/object/${path}`;
  const rows = async (bucket: string, name: string) =>
    (
      await h.db.asOwner((sql) =>
        sql.query<{ n: number }>('select count(*)::int as n from storage.objects where bucket_id = $1 and name = $2', [
          bucket,
          name,
        ]),
      )
    )[0]!.n;

  beforeAll(async () => {
    h = await startStorageHost('pglite');
    auth = { authorization: `Bearer ${await h.token('student')}`, apikey: h.key };
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  describe('range reads', () => {
    const name = `${USER.student}/range.png`;
    const bytes = new Uint8Array(1000).map((_, i) => i % 251);
    let etag: string;

    beforeAll(async () => {
      const res = await fetch(object(`avatars/${name}`), {
        method: 'POST',
        headers: { ...auth, 'content-type': 'image/png' },
        body: bytes,
      });
      expect(res.status).toBe(200);
    });

    it('serves the whole object with Accept-Ranges and an ETag', async () => {
      const res = await fetch(object(`public/avatars/${name}`));
      expect(res.status).toBe(200);
      expect(res.headers.get('accept-ranges')).toBe('bytes');
      expect(res.headers.get('content-length')).toBe('1000');
      etag = res.headers.get('etag')!;
      expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    });

    it('serves one range as a 206, and a suffix', async () => {
      const res = await fetch(object(`authenticated/avatars/${name}`), { headers: { ...auth, range: 'bytes=10-19' } });
      expect(res.status).toBe(206);
      expect(res.headers.get('content-range')).toBe('bytes 10-19/1000');
      expect(res.headers.get('content-length')).toBe('10');
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes.slice(10, 20));
      const tail = await fetch(object(`public/avatars/${name}`), { headers: { range: 'bytes=-5' } });
      expect(tail.status).toBe(206);
      expect(new Uint8Array(await tail.arrayBuffer())).toEqual(bytes.slice(995));
    });

    it('answers 416 past the end, 304 for a known ETag, and the whole object when If-Range is stale', async () => {
      const past = await fetch(object(`public/avatars/${name}`), { headers: { range: 'bytes=5000-' } });
      expect(past.status).toBe(416);
      expect(past.headers.get('content-range')).toBe('bytes */1000');
      expect(await past.json()).toMatchObject({ statusCode: '416', code: 'InvalidRange' });
      const cached = await fetch(object(`public/avatars/${name}`), { headers: { 'if-none-match': etag } });
      expect(cached.status).toBe(304);
      const stale = await fetch(object(`public/avatars/${name}`), {
        headers: { range: 'bytes=0-1', 'if-range': '"old"' },
      });
      expect(stale.status).toBe(200);
      expect((await stale.arrayBuffer()).byteLength).toBe(1000);
      const head = await fetch(object(`public/avatars/${name}`), { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-length')).toBe('1000');
    });

    it('serves what users uploaded in a sandbox: opened directly, an object runs no script', async () => {
      const res = await fetch(object(`public/avatars/${name}`));
      const policy = res.headers.get('content-security-policy') ?? '';
      expect(policy.split(';').map((d) => d.trim())).toEqual(expect.arrayContaining(['sandbox', "default-src 'none'"]));
      expect(policy).not.toContain('script-src');
      await res.arrayBuffer();
    });

    it('names the file for ?download', async () => {
      const res = await fetch(`${object(`public/avatars/${name}`)}?download`);
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="range.png"; filename*=UTF-8''range.png`,
      );
      await res.arrayBuffer();
    });
  });

  describe('limits, before anything is kept', () => {
    const name = `${USER.student}/big.png`;
    const over = new Uint8Array(2 * 1024 * 1024 + 1);

    it('refuses a declared length over the bucket limit without reading it', async () => {
      const before = filesUnder(h.root);
      const res = await fetch(object(`avatars/${name}`), {
        method: 'POST',
        headers: { ...auth, 'content-type': 'image/png' },
        body: over,
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ statusCode: '413', code: 'EntityTooLarge' });
      expect(filesUnder(h.root)).toEqual(before);
      expect(await rows('avatars', name)).toBe(0);
    });

    it('stops a streamed body (no length) at the limit, and keeps nothing', async () => {
      const before = filesUnder(h.root);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 40; i++) controller.enqueue(new Uint8Array(64 * 1024));
          controller.close();
        },
      });
      const res = await fetch(object(`avatars/${name}`), {
        method: 'POST',
        headers: { ...auth, 'content-type': 'image/png' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(await res.json()).toMatchObject({ statusCode: '413' });
      expect(filesUnder(h.root)).toEqual(before);
      expect(await rows('avatars', name)).toBe(0);
    });

    it('counts the file part of a multipart body too', async () => {
      const before = filesUnder(h.root);
      const student = (await h.as('student')).storage.from('avatars');
      // Just over the limit: within the multipart allowance, so it is the streaming count that refuses it.
      const { error } = await student.upload(name, new Blob([over], { type: 'image/png' }));
      expect(error).toMatchObject({ statusCode: '413' });
      expect(filesUnder(h.root)).toEqual(before);
      expect(await rows('avatars', name)).toBe(0);
    });

    it('refuses a write the policies deny before reading the body', async () => {
      const before = filesUnder(h.root);
      const res = await fetch(object(`avatars/${USER.otherStudent}/x.png`), {
        method: 'POST',
        headers: { ...auth, 'content-type': 'image/png' },
        body: new Uint8Array(1024),
      });
      expect(await res.json()).toMatchObject({ statusCode: '403', code: 'AccessDenied' });
      expect(filesUnder(h.root)).toEqual(before);
    });
  });

  describe('names that try to leave the bucket', () => {
    it('refuses traversal, encoded or not, NUL bytes and absolute names', async () => {
      const before = filesUnder(h.root);
      for (const path of [
        `/storage/v1/object/avatars/${USER.student}/../../../etc/passwd`,
        `/storage/v1/object/avatars/${USER.student}/..%2F..%2F..%2Fescape.png`,
        `/storage/v1/object/avatars/${USER.student}/%2e%2e/%2e%2e/escape.png`,
        `/storage/v1/object/avatars/${USER.student}/a%00b.png`,
        '/storage/v1/object/avatars//etc/passwd',
        `/storage/v1/object/avatars/${USER.student}/a%5C..%5Cb.png`,
        '/storage/v1/object/..%2F..%2Fetc/passwd',
      ]) {
        // Plain `..` segments are resolved by the URL parser before routing (a 404 outside
        // /storage/v1/object); everything else reaches the name checks.
        const res = await raw(h.url, 'POST', path, { ...auth, 'content-type': 'image/png' }, Buffer.from('x'));
        expect([400, 404], path).toContain(res.status);
        if (res.status === 400) expect(JSON.parse(res.body).code, path).toMatch(/^(InvalidKey|NoSuchBucket)$/);
        const read = await raw(h.url, 'GET', path, auth);
        expect([400, 404], path).toContain(read.status);
      }
      expect(filesUnder(h.root)).toEqual(before);
    });
  });

  describe('malformed requests', () => {
    it('answers each with a 4xx in the storage error shape', async () => {
      const cases: [string, string, RequestInit][] = [
        ['list with a body that is not JSON', 'list/avatars', { method: 'POST', body: 'nope' }],
        ['list with a bad limit', 'list/avatars', { method: 'POST', body: JSON.stringify({ limit: -1 }) }],
        [
          'list with an unknown sort column',
          'list/avatars',
          { method: 'POST', body: JSON.stringify({ sortBy: { column: 'id; drop' } }) },
        ],
        ['list of a missing bucket', 'list/nope', { method: 'POST', body: '{}' }],
        ['remove without prefixes', 'avatars', { method: 'DELETE', body: '{}' }],
        ['sign without expiresIn', `sign/avatars/${USER.student}/range.png`, { method: 'POST', body: '{}' }],
        [
          'sign for a string expiresIn',
          'sign/avatars',
          { method: 'POST', body: JSON.stringify({ expiresIn: '1', paths: ['a'] }) },
        ],
        ['a signed download without a token', `sign/avatars/${USER.student}/range.png`, { method: 'GET' }],
        [
          'a signed download with a forged token',
          `sign/avatars/${USER.student}/range.png?token=abc.def.ghi`,
          { method: 'GET' },
        ],
        [
          'move to a missing bucket',
          'move',
          {
            method: 'POST',
            body: JSON.stringify({
              bucketId: 'avatars',
              sourceKey: 'a',
              destinationKey: 'b',
              destinationBucket: 'nope',
            }),
          },
        ],
        ['move without keys', 'move', { method: 'POST', body: JSON.stringify({ bucketId: 'avatars' }) }],
        ['an upload to a missing bucket', 'nope/a.png', { method: 'POST', body: 'x' }],
        [
          'an update of a missing object',
          `avatars/${USER.student}/missing.png`,
          { method: 'PUT', body: 'x', headers: { 'content-type': 'image/png' } },
        ],
        [
          'a multipart body cut short',
          `avatars/${USER.student}/cut.png`,
          {
            method: 'POST',
            body: '--b\r\ncontent-disposition: form-data; name=""; filename="a"\r\n\r\nxx',
            headers: { 'content-type': 'multipart/form-data; boundary=b' },
          },
        ],
      ];
      for (const [what, path, init] of cases) {
        const res = await fetch(object(path), {
          ...init,
          headers: { ...auth, 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
        });
        expect(res.status, what).toBe(400);
        const body = await res.json();
        expect(body, what).toMatchObject({
          statusCode: expect.stringMatching(/^4\d\d$/),
          code: expect.any(String),
          message: expect.any(String),
        });
      }
      const badToken = await fetch(object(`avatars/${USER.student}/x.png`), {
        method: 'POST',
        headers: { authorization: 'Bearer not-a-jwt', 'content-type': 'image/png' },
        body: 'x',
      });
      expect(await badToken.json()).toMatchObject({ statusCode: '403', code: 'AccessDenied' });
      const unknown = await fetch(`${h.url}/storage/v1/nothing/here`);
      expect(unknown.status).toBe(404);
    });

    it('keeps listing and signing in the bucket named by the path', async () => {
      const res = await fetch(object('list/course-media'), {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ prefix: `${COURSE.free}/%`, search: '_' }),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual([]);
    });
  });
});
