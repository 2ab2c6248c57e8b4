import { describe, expect, it } from 'vitest';
import { boundaryOf, type FilePart, MultipartError, readMultipart } from './multipart.ts';

/** The bytes and Content-Type fetch sends for a FormData body. */
async function encode(form: FormData): Promise<{ bytes: Buffer; contentType: string }> {
  const res = new Response(form);
  return { bytes: Buffer.from(await res.arrayBuffer()), contentType: res.headers.get('content-type')! };
}

async function* chunks(bytes: Uint8Array, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function read(bytes: Uint8Array, contentType: string, chunkSize: number) {
  const received: Uint8Array[] = [];
  let part: FilePart | undefined;
  let fieldsAtFile: Record<string, string> | undefined;
  const result = await readMultipart(chunks(bytes, chunkSize), boundaryOf(contentType)!, {
    async onFile(p, fields) {
      part = p;
      fieldsAtFile = { ...fields };
      return {
        async write(chunk) {
          received.push(chunk);
        },
      };
    },
  });
  return { ...result, part, fieldsAtFile, data: Buffer.concat(received) };
}

describe('readMultipart', () => {
  const payload = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256));

  it('reads the fields and streams the empty-named file part, however the body is chunked', async () => {
    // What storage-js sends: cacheControl (and metadata) first, then the file under the name "".
    const form = new FormData();
    form.append('cacheControl', '3600');
    form.append('metadata', JSON.stringify({ a: 1 }));
    form.append('', new Blob([payload], { type: 'image/png' }));
    const { bytes, contentType } = await encode(form);
    for (const size of [1, 7, 64, 1000, bytes.length]) {
      const r = await read(bytes, contentType, size);
      expect(r.fields).toEqual({ cacheControl: '3600', metadata: '{"a":1}' });
      expect(r.fieldsAtFile).toEqual(r.fields);
      expect(r.part).toEqual({ name: '', filename: 'blob', contentType: 'image/png' });
      expect(r.file).toBe(true);
      expect(r.data.equals(payload), `chunks of ${size}`).toBe(true);
    }
  });

  it('keeps a file whose bytes look like a boundary', async () => {
    const form = new FormData();
    const tricky = Buffer.from('\r\n--not-the-boundary\r\n\r\n--');
    form.append('', new Blob([tricky]), 'x.bin');
    const { bytes, contentType } = await encode(form);
    const r = await read(bytes, contentType, 3);
    expect(r.data.equals(tricky)).toBe(true);
  });

  it('refuses a truncated body, a second file and oversized fields', async () => {
    const form = new FormData();
    form.append('', new Blob([payload]), 'a.bin');
    const { bytes, contentType } = await encode(form);
    await expect(read(bytes.subarray(0, bytes.length - 10), contentType, 100)).rejects.toBeInstanceOf(MultipartError);

    const two = new FormData();
    two.append('a', new Blob(['1']), 'a.txt');
    two.append('b', new Blob(['2']), 'b.txt');
    const second = await encode(two);
    await expect(read(second.bytes, second.contentType, 100)).rejects.toThrow(/one file/);

    const big = new FormData();
    big.append('cacheControl', 'x'.repeat(70 * 1024));
    const large = await encode(big);
    await expect(read(large.bytes, large.contentType, 1000)).rejects.toThrow(/too large/);
  });

  it('finds the boundary in a Content-Type, quoted or not', () => {
    expect(boundaryOf('multipart/form-data; boundary=abc')).toBe('abc');
    expect(boundaryOf('multipart/form-data; boundary="a b"')).toBe('a b');
    expect(boundaryOf('Multipart/Form-Data; charset=utf-8; boundary=xyz')).toBe('xyz');
    expect(boundaryOf('image/png')).toBeUndefined();
    expect(boundaryOf(undefined)).toBeUndefined();
  });
});
