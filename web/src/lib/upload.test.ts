import { describe, expect, it } from 'vitest';
import { AVATAR_RULES, checkFile, formatBytes, objectName, publicObjectUrl, storageErrorMessage } from './upload.ts';

const file = (name: string, size: number, type: string) => ({ name, size, type });

describe('checkFile', () => {
  it('accepts the types and sizes the bucket accepts', () => {
    expect(checkFile(file('me.png', 1000, 'image/png'), AVATAR_RULES)).toBeNull();
    expect(checkFile(file('me.JPG', 2 * 1024 * 1024, 'image/jpeg'), AVATAR_RULES)).toBeNull();
    expect(checkFile(file('a.webp', 1, 'image/webp'), AVATAR_RULES)).toBeNull();
  });

  it('refuses a file over the limit, saying its size and the limit', () => {
    expect(checkFile(file('big.png', 2 * 1024 * 1024 + 1, 'image/png'), AVATAR_RULES)).toBe(
      '“big.png” is 2 MB; the limit is 2 MB. Choose a smaller file.',
    );
    expect(checkFile(file('big.png', 3_500_000, 'image/png'), AVATAR_RULES)).toBe(
      '“big.png” is 3.3 MB; the limit is 2 MB. Choose a smaller file.',
    );
  });

  it('refuses other types, no type and empty files', () => {
    const wrong = 'is not a file type we accept. Choose PNG, JPEG, WebP or GIF images.';
    expect(checkFile(file('notes.pdf', 10, 'application/pdf'), AVATAR_RULES)).toBe(`“notes.pdf” ${wrong}`);
    expect(checkFile(file('x.svg', 10, 'image/svg+xml'), AVATAR_RULES)).toBe(`“x.svg” ${wrong}`);
    expect(checkFile(file('noext', 10, ''), AVATAR_RULES)).toBe(`“noext” ${wrong}`);
    expect(checkFile(file('empty.png', 0, 'image/png'), AVATAR_RULES)).toBe(
      '“empty.png” is empty. Choose another file.',
    );
  });

  it('matches type families', () => {
    const rules = { maxBytes: 10, types: ['video/*'], typesLabel: 'videos' };
    expect(checkFile(file('a.mp4', 5, 'video/mp4'), rules)).toBeNull();
    expect(checkFile(file('a.mp3', 5, 'audio/mpeg'), rules)).toMatch(/Choose videos\.$/);
  });
});

describe('formatBytes', () => {
  it('reads as people write sizes', () => {
    expect([0, 1, 1023, 1024, 1536, 10 * 1024 + 300, 2 * 1024 * 1024, 5 * 1024 ** 3].map(formatBytes)).toEqual([
      '0 bytes',
      '1 byte',
      '1023 bytes',
      '1 KB',
      '1.5 KB',
      '10 KB',
      '2 MB',
      '5 GB',
    ]);
  });
});

describe('object names and URLs', () => {
  it('makes a fresh name in the folder with the extension of the type', () => {
    const name = objectName('uid-1', 'avatar', 'image/jpeg', 1_700_000_000_000, () => 0.5);
    expect(name).toMatch(/^uid-1\/avatar-[0-9a-z]+\.jpg$/);
    expect(objectName('u', 'a', 'image/png', 1, () => 0.1)).not.toBe(objectName('u', 'a', 'image/png', 1, () => 0.2));
    expect(objectName('u', 'a', 'application/x-what', 1, () => 0)).toMatch(/\.bin$/);
  });

  it("builds supabase-js's public URL", () => {
    expect(publicObjectUrl('http://localhost:8787/', 'avatars', 'u/a.png')).toBe(
      'http://localhost:8787/storage/v1/object/public/avatars/u/a.png',
    );
  });
});

describe('storageErrorMessage', () => {
  it("turns Supabase's error bodies into sentences", () => {
    const msg = (status: number, body: unknown) => storageErrorMessage(status, body, AVATAR_RULES);
    expect(
      msg(400, {
        statusCode: '413',
        error: 'Payload too large',
        message: 'The object exceeded the maximum allowed size',
      }),
    ).toBe('The file is larger than the limit of 2 MB. Choose a smaller file.');
    expect(
      msg(400, { statusCode: '415', error: 'invalid_mime_type', message: 'mime type text/plain is not supported' }),
    ).toBe('That file type is not accepted. Choose PNG, JPEG, WebP or GIF images.');
    expect(
      msg(400, { statusCode: '403', error: 'Unauthorized', message: 'new row violates row-level security policy' }),
    ).toBe('You may not upload there.');
    expect(msg(0, null)).toMatch(/Could not reach the server/);
    expect(msg(500, 'oops')).toBe('The upload failed. Please try again.');
  });
});
