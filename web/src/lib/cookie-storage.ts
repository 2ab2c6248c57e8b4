/**
 * Session storage for @supabase/auth-js in cookies, written the way @supabase/ssr's browser
 * client writes them: `base64-` + base64url(JSON), split into `<key>.0`, `<key>.1` … when longer
 * than one cookie should be. Sessions saved before the web app used auth-js directly stay valid,
 * and a server-side @supabase/ssr client can read them if the platform ever renders on the server.
 */

/** What auth-js needs from a storage (its SupportedStorage). */
export interface CookieStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The cookie jar: `document` in the browser, a fake in tests. */
export interface CookieJar {
  cookie: string;
}

/** @supabase/ssr's MAX_CHUNK_SIZE: a chunk, URI-encoded, stays under browsers' 4 KB per cookie. */
export const CHUNK_SIZE = 3180;
const PREFIX = 'base64-';
const MAX_AGE = 400 * 24 * 60 * 60; // the longest lifetime browsers accept
const ATTRIBUTES = `; Path=/; SameSite=Lax; Max-Age=${MAX_AGE}`;

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

function readAll(jar: CookieJar): Map<string, string> {
  const all = new Map<string, string>();
  for (const part of jar.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || all.has(name)) continue;
    try {
      all.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // A cookie someone else wrote with bad escapes: not ours, skip it.
    }
  }
  return all;
}

/** The chunk cookies that exist for `key`, in order (the unsplit cookie, or `.0`, `.1` …). */
function chunkNames(all: Map<string, string>, key: string): string[] {
  const names = all.has(key) ? [key] : [];
  for (let i = 0; all.has(`${key}.${i}`); i++) names.push(`${key}.${i}`);
  return names;
}

export function createCookieStorage(jar: CookieJar): CookieStorage {
  const expire = (name: string) => {
    jar.cookie = `${name}=; Path=/; SameSite=Lax; Max-Age=0`;
  };
  return {
    getItem(key) {
      const all = readAll(jar);
      const whole =
        all.get(key) ||
        chunkNames(all, key)
          .map((n) => all.get(n))
          .join('');
      if (!whole) return null;
      if (!whole.startsWith(PREFIX)) return whole;
      try {
        const text = fromBase64Url(whole.slice(PREFIX.length));
        JSON.parse(text); // chunks from two different writes: treat as absent
        return text;
      } catch {
        return null;
      }
    },
    setItem(key, value) {
      const encoded = PREFIX + toBase64Url(value);
      const stale = new Set(chunkNames(readAll(jar), key));
      const chunks: [string, string][] =
        encoded.length <= CHUNK_SIZE
          ? [[key, encoded]]
          : Array.from({ length: Math.ceil(encoded.length / CHUNK_SIZE) }, (_, i) => [
              `${key}.${i}`,
              encoded.slice(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE),
            ]);
      for (const [name, chunk] of chunks) {
        jar.cookie = `${name}=${chunk}${ATTRIBUTES}`; // base64url needs no escaping
        stale.delete(name);
      }
      for (const name of stale) expire(name);
    },
    removeItem(key) {
      for (const name of chunkNames(readAll(jar), key)) expire(name);
    },
  };
}
