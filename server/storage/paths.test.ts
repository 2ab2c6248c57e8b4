import { describe, expect, it } from 'vitest';
import { baseName, isValidBucketId, isValidObjectName, objectDir, versionPath } from './paths.ts';

const ROOT = '/data/storage';
const V = '0b6c2f4e-7a1d-4c55-9e3a-1f2d3c4b5a69';

describe('object names', () => {
  it('accepts relative names with ordinary segments', () => {
    for (const name of [
      'a.png',
      'uid/avatar.png',
      'c/lessons/l/intro video (1).mp4',
      'x/.hidden',
      'ünïcode/ファイル.pdf',
    ]) {
      expect(isValidObjectName(name), name).toBe(true);
    }
  });

  it('refuses traversal, absolute names, empty segments, NUL and control characters', () => {
    for (const name of [
      '',
      '..',
      '../x',
      'a/../../x',
      'a/./b',
      '/etc/passwd',
      'a//b',
      'a/',
      'a\\..\\b',
      'a\u0000b',
      'a\nb',
      'x'.repeat(256),
      `${'a/'.repeat(600)}b`,
    ]) {
      expect(isValidObjectName(name), JSON.stringify(name)).toBe(false);
    }
  });

  it('accepts bucket ids of lowercase letters, digits, - and _ only', () => {
    expect(isValidBucketId('course-media')).toBe(true);
    for (const bucket of ['', '.tmp', '..', 'A', 'a/b', 'a.b', '-x'])
      expect(isValidBucketId(bucket), bucket).toBe(false);
  });
});

describe('disk paths', () => {
  it('puts each version under <root>/<bucket>/<name>/', () => {
    expect(objectDir(ROOT, 'avatars', 'u/a.png')).toBe('/data/storage/avatars/u/a.png');
    expect(versionPath(ROOT, 'avatars', 'u/a.png', V)).toBe(`/data/storage/avatars/u/a.png/${V}`);
  });

  it('throws rather than leave the root', () => {
    expect(() => objectDir(ROOT, 'avatars', '../../etc')).toThrow();
    expect(() => objectDir(ROOT, '..', 'x')).toThrow();
    expect(() => versionPath(ROOT, 'avatars', 'a', '../x')).toThrow();
  });

  it('names the file for a download', () => {
    expect(baseName('a/b/c.pdf')).toBe('c.pdf');
    expect(baseName('c.pdf')).toBe('c.pdf');
  });
});
