import { describe, expect, it } from 'vitest';
import { type CachedAnswer, lruCache, matchesIfNoneMatch, strongEtag } from './cache.ts';

const answer = (version: string, storedAt = 0, body = '{}'): CachedAnswer => ({ body, etag: '"e"', version, storedAt });

describe('the catalog LRU', () => {
  it('serves an entry only for the version it was computed under', () => {
    const cache = lruCache(10);
    cache.set('a', answer('7'));
    expect(cache.get('a', '7', 1)?.version).toBe('7');
    expect(cache.get('a', '8', 1)).toBeUndefined();
    // A stale entry is dropped on sight, not kept around.
    expect(cache.size).toBe(0);
  });

  it('expires entries after their lifetime even when the version does not move', () => {
    const cache = lruCache(10, 1000);
    cache.set('a', answer('1', 5000));
    expect(cache.get('a', '1', 5999)).toBeDefined();
    expect(cache.get('a', '1', 6000)).toBeUndefined();
  });

  it('stays within its bound, evicting the least recently used', () => {
    const cache = lruCache(2);
    cache.set('a', answer('1'));
    cache.set('b', answer('1'));
    cache.get('a', '1', 0); // a is now the most recently used
    cache.set('c', answer('1'));
    expect(cache.size).toBe(2);
    expect(cache.get('b', '1', 0)).toBeUndefined();
    expect(cache.get('a', '1', 0)).toBeDefined();
    expect(cache.get('c', '1', 0)).toBeDefined();
  });

  it('keeps nothing when its size is 0', () => {
    const cache = lruCache(0);
    cache.set('a', answer('1'));
    expect(cache.get('a', '1', 0)).toBeUndefined();
  });
});

describe('strong ETags', () => {
  it('are a quoted hash of the exact bytes', async () => {
    const a = await strongEtag('{"items":[]}');
    expect(a).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(await strongEtag('{"items":[]}')).toBe(a);
    expect(await strongEtag('{"items": []}')).not.toBe(a);
    // SHA-256 of the empty string, base64url: the same digest on every runtime.
    expect(await strongEtag('')).toBe('"47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU"');
  });

  it('are matched by If-None-Match lists, weakly as RFC 9110 says, and by *', () => {
    expect(matchesIfNoneMatch('"x"', '"x"')).toBe(true);
    expect(matchesIfNoneMatch('"y", W/"x"', '"x"')).toBe(true);
    expect(matchesIfNoneMatch('*', '"x"')).toBe(true);
    expect(matchesIfNoneMatch('"y"', '"x"')).toBe(false);
    expect(matchesIfNoneMatch('x', '"x"')).toBe(false);
    expect(matchesIfNoneMatch(undefined, '"x"')).toBe(false);
    expect(matchesIfNoneMatch('', '"x"')).toBe(false);
  });
});
