import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { Upload } from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COURSE, LESSON } from '../../supabase/tests/fixtures.ts';
import { MAX_FILE_SIZE, type StorageHost, startStorageHost } from './test-host.ts';

/** Resumable uploads (TUS) through tus-js-client, as the web app sends them for course videos. */

const b64 = (s: string) => Buffer.from(s).toString('base64');
const metadataHeader = (meta: Record<string, string>) =>
  Object.entries(meta)
    .map(([k, v]) => `${k} ${b64(v)}`)
    .join(',');

describe('resumable uploads', () => {
  let h: StorageHost;
  let endpoint: string;
  const objectName = `${COURSE.free}/lessons/${LESSON.freeOpen}/lecture.mp4`;
  const metadata = { bucketName: 'course-media', objectName, contentType: 'video/mp4', cacheControl: '3600' };

  beforeAll(async () => {
    h = await startStorageHost('pglite');
    endpoint = `${h.url}/storage/v1/upload/resumable`;
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  const headersOf = async (role: 'instructor' | 'otherInstructor' | 'student') => ({
    authorization: `Bearer ${await h.token(role)}`,
    apikey: h.key,
  });

  it('continues an interrupted upload where it stopped, and writes the object when it completes', async () => {
    const data = randomBytes(1536 * 1024);
    const headers = await headersOf('instructor');
    const chunkSize = 256 * 1024;

    // First attempt: stopped after two chunks.
    const first = new Upload(data, { endpoint, headers, metadata, chunkSize, retryDelays: [] });
    await new Promise<void>((resolve, reject) => {
      first.options.onChunkComplete = (_size, accepted) => {
        if (accepted >= 2 * chunkSize) {
          void first.abort().then(resolve, reject);
        }
      };
      first.options.onError = reject;
      first.start();
    });
    const uploadUrl = first.url!;
    expect(uploadUrl).toMatch(/\/storage\/v1\/upload\/resumable\/[0-9a-f-]{36}$/);

    const head = await fetch(uploadUrl, { method: 'HEAD', headers: { ...headers, 'tus-resumable': '1.0.0' } });
    expect(head.status).toBe(200);
    const offset = Number(head.headers.get('upload-offset'));
    expect(offset).toBeGreaterThanOrEqual(2 * chunkSize);
    expect(offset).toBeLessThan(data.length);
    const { data: missing } = await (await h.as('instructor')).storage.from('course-media').exists(objectName);
    expect(missing).toBe(false);

    // Someone else cannot look at it, nor continue it.
    const stranger = await fetch(uploadUrl, {
      method: 'HEAD',
      headers: { ...(await headersOf('otherInstructor')), 'tus-resumable': '1.0.0' },
    });
    expect(stranger.status).toBe(403);

    // Second attempt: resumes from the server's offset.
    const sent: number[] = [];
    const second = new Upload(data, { endpoint, uploadUrl, headers, metadata, chunkSize, retryDelays: [] });
    await new Promise<void>((resolve, reject) => {
      second.options.onChunkComplete = (size) => sent.push(size);
      second.options.onSuccess = () => resolve();
      second.options.onError = reject;
      second.start();
    });
    expect(sent.reduce((a, b) => a + b, 0)).toBe(data.length - offset);

    const { data: blob, error } = await (await h.as('student')).storage.from('course-media').download(objectName);
    expect(error).toBeNull();
    expect(Buffer.from(await blob!.arrayBuffer()).equals(data)).toBe(true);
    const info = await (await h.as('instructor')).storage.from('course-media').info(objectName);
    expect(info.data).toMatchObject({ size: data.length, contentType: 'video/mp4', cacheControl: 'max-age=3600' });
    await expect.poll(() => readdirSync(h.ctx.disk.tusDir)).toEqual([]);
  });

  it('stores a small file sent whole with its creation request (creation-with-upload), as the web app sends it', async () => {
    const data = randomBytes(100 * 1024);
    const name = `${COURSE.free}/media/one-request.mp4`;
    const upload = new Upload(data, {
      endpoint,
      headers: await headersOf('instructor'),
      metadata: { ...metadata, objectName: name },
      uploadDataDuringCreation: true,
      chunkSize: 6 * 1024 * 1024,
      retryDelays: [],
    });
    await new Promise<void>((resolve, reject) => {
      upload.options.onSuccess = () => resolve();
      upload.options.onError = reject;
      upload.start();
    });
    const { data: blob, error } = await (await h.as('instructor')).storage.from('course-media').download(name);
    expect(error).toBeNull();
    expect(Buffer.from(await blob!.arrayBuffer()).equals(data)).toBe(true);
    await expect.poll(() => readdirSync(h.ctx.disk.tusDir)).toEqual([]);
  });

  it('refuses at creation what a plain upload would refuse', async () => {
    const create = async (role: 'instructor' | 'student', meta: Record<string, string>, length: number) =>
      fetch(endpoint, {
        method: 'POST',
        headers: {
          ...(await headersOf(role)),
          'tus-resumable': '1.0.0',
          'upload-length': String(length),
          'upload-metadata': metadataHeader(meta),
        },
      });
    const other = { ...metadata, objectName: `${COURSE.free}/lessons/${LESSON.freeOpen}/other.mp4` };

    const denied = await create('student', other, 10);
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ code: 'AccessDenied' });
    const tooBig = await create('instructor', other, MAX_FILE_SIZE + 1);
    expect(tooBig.status).toBe(413);
    const wrongType = await create('instructor', { ...other, contentType: 'text/html' }, 10);
    expect(wrongType.status).toBe(415);
    const badName = await create('instructor', { ...other, objectName: '../escape.mp4' }, 10);
    expect(badName.status).toBe(400);
    const noBucket = await create('instructor', { ...other, bucketName: 'nope' }, 10);
    expect(noBucket.status).toBe(404);
    const taken = await create('instructor', metadata, 10);
    expect(taken.status).toBe(409);
    const deferred = await fetch(endpoint, {
      method: 'POST',
      headers: {
        ...(await headersOf('instructor')),
        'tus-resumable': '1.0.0',
        'upload-defer-length': '1',
        'upload-metadata': metadataHeader(other),
      },
    });
    expect(deferred.status).toBe(400);
    expect(readdirSync(h.ctx.disk.tusDir)).toEqual([]);
  });
});
