import { createChunks, stringToBase64URL } from '@supabase/ssr';
import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE, type CookieJar, createCookieStorage } from './cookie-storage.ts';

/** document.cookie's contract: writes set or (Max-Age=0) delete one cookie, reads list them all. */
function fakeJar(): CookieJar & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get cookie() {
      return [...map].map(([k, v]) => `${k}=${v}`).join('; ');
    },
    set cookie(line: string) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      if (attrs.some((a) => a.trim().toLowerCase() === 'max-age=0')) map.delete(name);
      else map.set(name, pair!.slice(eq + 1));
    },
  };
}

const KEY = 'sb-127-auth-token';
const session = (size: number) =>
  JSON.stringify({ access_token: 'x'.repeat(size), user: { email: 'ünïcødé@example.test' } });

/** What @supabase/ssr's browser client writes for the same value (its own encoder and chunker). */
const ssrCookies = (value: string) => createChunks(KEY, `base64-${stringToBase64URL(value)}`);

describe('cookie session storage', () => {
  it('writes what @supabase/ssr writes, for a short and a chunked session', () => {
    for (const size of [100, CHUNK_SIZE * 2]) {
      const jar = fakeJar();
      createCookieStorage(jar).setItem(KEY, session(size));
      const expected = ssrCookies(session(size));
      expect(expected.length).toBe(size === 100 ? 1 : 3);
      expect(Object.fromEntries(jar.map)).toEqual(Object.fromEntries(expected.map((c) => [c.name, c.value])));
    }
  });

  it('reads sessions that @supabase/ssr wrote, and round-trips non-ASCII text', () => {
    const jar = fakeJar();
    for (const c of ssrCookies(session(CHUNK_SIZE))) jar.map.set(c.name, c.value);
    expect(createCookieStorage(jar).getItem(KEY)).toBe(session(CHUNK_SIZE));
  });

  it('removes stale chunks when a session shrinks, and every chunk on sign-out', () => {
    const jar = fakeJar();
    const storage = createCookieStorage(jar);
    storage.setItem(KEY, session(CHUNK_SIZE * 2));
    storage.setItem(KEY, session(10));
    expect([...jar.map.keys()]).toEqual([KEY]);
    expect(storage.getItem(KEY)).toBe(session(10));
    storage.setItem(KEY, session(CHUNK_SIZE * 2));
    expect([...jar.map.keys()].sort()).toEqual([`${KEY}.0`, `${KEY}.1`, `${KEY}.2`]);
    storage.removeItem(KEY);
    expect(jar.map.size).toBe(0);
    expect(storage.getItem(KEY)).toBeNull();
  });

  it('treats chunks mixed from two writes, or garbage, as no session', () => {
    const jar = fakeJar();
    const [first] = ssrCookies(session(CHUNK_SIZE * 2));
    jar.map.set(`${KEY}.0`, first!.value);
    jar.map.set(`${KEY}.1`, 'base64-AAAA');
    expect(createCookieStorage(jar).getItem(KEY)).toBeNull();
    jar.map.clear();
    jar.map.set(KEY, 'base64-%%%');
    expect(createCookieStorage(jar).getItem(KEY)).toBeNull();
  });
});
