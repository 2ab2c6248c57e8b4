import { describe, expect, it } from 'vitest';
import { StorageError } from './errors.ts';
import { baseMimeType, checkDeclaredLength, checkMimeType, sizeLimit } from './limits.ts';
import type { Bucket } from './objects.ts';

const bucket = (types: string[] | null, limit: number | null = 100): Bucket => ({
  id: 'b',
  public: false,
  fileSizeLimit: limit,
  allowedMimeTypes: types,
});

const code = (fn: () => void) => {
  try {
    fn();
    return 'ok';
  } catch (err) {
    return err instanceof StorageError ? err.code : String(err);
  }
};

describe('bucket limits', () => {
  it('matches MIME types exactly or by wildcard, ignoring parameters and case', () => {
    const b = bucket(['image/*', 'application/pdf']);
    expect(code(() => checkMimeType(b, 'image/png'))).toBe('ok');
    expect(code(() => checkMimeType(b, 'Application/PDF; q=1'))).toBe('ok');
    expect(code(() => checkMimeType(b, 'image/'))).toBe('InvalidMimeType');
    expect(code(() => checkMimeType(b, 'imagex/png'))).toBe('InvalidMimeType');
    expect(code(() => checkMimeType(b, 'text/html'))).toBe('InvalidMimeType');
    expect(code(() => checkMimeType(bucket(null), 'text/html'))).toBe('ok');
    expect(baseMimeType('Text/Plain;charset=UTF-8')).toBe('text/plain');
  });

  it('refuses a declared length over the limit, and a malformed one', () => {
    expect(code(() => checkDeclaredLength('100', 100))).toBe('ok');
    expect(code(() => checkDeclaredLength(undefined, 100))).toBe('ok');
    expect(code(() => checkDeclaredLength('101', 100))).toBe('EntityTooLarge');
    expect(code(() => checkDeclaredLength('101', 100, 10))).toBe('ok');
    expect(code(() => checkDeclaredLength('-1', 100))).toBe('InvalidRequest');
    expect(code(() => checkDeclaredLength('1e3', 100))).toBe('InvalidRequest');
    expect(code(() => checkDeclaredLength('abc', 100))).toBe('InvalidRequest');
  });

  it("caps a bucket's limit by the server's", () => {
    expect(sizeLimit(bucket(null, 100), 50)).toBe(50);
    expect(sizeLimit(bucket(null, 100), 500)).toBe(100);
    expect(sizeLimit(bucket(null, null), 500)).toBe(500);
  });
});
