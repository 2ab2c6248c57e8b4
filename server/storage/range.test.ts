import { describe, expect, it } from 'vitest';
import { etagMatches, ifRangeHolds, parseRange } from './range.ts';

describe('parseRange', () => {
  it('serves the whole file without a header, or with one it does not understand', () => {
    for (const header of [undefined, '', 'bytes=', 'bytes=-', 'items=0-1', 'bytes=0-1,3-4', 'bytes=5-2', 'bytes=a-b']) {
      expect(parseRange(header, 10), String(header)).toEqual({ kind: 'full' });
    }
  });

  it('reads a closed, an open and a suffix range', () => {
    expect(parseRange('bytes=0-3', 10)).toEqual({ kind: 'partial', start: 0, end: 3 });
    expect(parseRange('bytes=4-', 10)).toEqual({ kind: 'partial', start: 4, end: 9 });
    expect(parseRange('bytes=-3', 10)).toEqual({ kind: 'partial', start: 7, end: 9 });
    expect(parseRange('bytes=-30', 10)).toEqual({ kind: 'partial', start: 0, end: 9 });
    expect(parseRange('bytes=8-100', 10)).toEqual({ kind: 'partial', start: 8, end: 9 });
  });

  it('refuses a range that starts past the end', () => {
    expect(parseRange('bytes=10-', 10)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-0', 10)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
  });
});

describe('conditional requests', () => {
  it('matches If-None-Match weakly, lists and * included', () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true);
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"x", "abc"', '"abc"')).toBe(true);
    expect(etagMatches('*', '"abc"')).toBe(true);
    expect(etagMatches('"x"', '"abc"')).toBe(false);
    expect(etagMatches(undefined, '"abc"')).toBe(false);
  });

  it('applies a Range under If-Range only for the same ETag or a date not before the change', () => {
    const modified = new Date('2026-01-01T00:00:00Z');
    expect(ifRangeHolds(undefined, '"a"', modified)).toBe(true);
    expect(ifRangeHolds('"a"', '"a"', modified)).toBe(true);
    expect(ifRangeHolds('"b"', '"a"', modified)).toBe(false);
    expect(ifRangeHolds('W/"a"', '"a"', modified)).toBe(false);
    expect(ifRangeHolds(modified.toUTCString(), '"a"', modified)).toBe(true);
    expect(ifRangeHolds('Wed, 31 Dec 2025 00:00:00 GMT', '"a"', modified)).toBe(false);
    expect(ifRangeHolds('not a date', '"a"', modified)).toBe(false);
  });
});
