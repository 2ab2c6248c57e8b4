import { describe, expect, it } from 'vitest';
import { isLocalPath, safeContentUrl, safeHttpUrl, safeNext } from './safe-url.ts';

describe('safeHttpUrl', () => {
  it('accepts http and https', () => {
    expect(safeHttpUrl('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeHttpUrl(' HTTP://EXAMPLE.com ')).toBe('http://example.com/');
  });

  it('rejects everything else', () => {
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,x',
      '/path',
      '//evil.example',
      'ftp://x',
      'https//x',
      'java\nscript:alert(1)',
      '',
    ]) {
      expect(safeHttpUrl(bad)).toBeNull();
    }
  });
});

describe('safeNext', () => {
  it('keeps local paths', () => {
    expect(safeNext('/courses/sql?x=1')).toBe('/courses/sql?x=1');
  });

  it('falls back for other sites and junk', () => {
    for (const bad of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      'courses',
      '/a\nb',
      null,
      undefined,
    ]) {
      expect(safeNext(bad)).toBe('/dashboard');
    }
    expect(safeNext('//x', '/')).toBe('/');
  });

  it('agrees with isLocalPath and safeContentUrl', () => {
    expect(isLocalPath('/files/a.pdf')).toBe(true);
    expect(safeContentUrl('/files/a.pdf')).toBe('/files/a.pdf');
    expect(safeContentUrl('https://cdn.example/v.mp4')).toBe('https://cdn.example/v.mp4');
    expect(safeContentUrl('javascript:alert(1)')).toBeNull();
  });
});
