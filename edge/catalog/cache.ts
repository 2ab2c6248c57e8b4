import type { Context } from 'hono';
import type { Database, Sql } from '../db/port.ts';
import type { Env } from '../http/context.ts';

/**
 * Catalog reads that cost nothing twice. The public catalog and course pages are the same for
 * every anonymous visitor, so their answers are:
 * - cached in process (a bounded LRU by URL, one per app instance), valid for one catalog
 *   version: supabase/migrations/20261123000200_catalog_version.sql bumps it in the same
 *   transaction as any change the catalog shows, and each request reads it in its own
 *   transaction, so a publish or an edit is seen by the next request, on every host;
 * - sent with a strong ETag (a hash of the exact bytes) and answered 304 on If-None-Match;
 * - marked for shared caches (`public, max-age, stale-while-revalidate`) and `Vary: Authorization`.
 * Signed-in callers' answers include their enrollment: `private, no-store`, never cached here.
 */

/** What a shared cache (a CDN, a proxy) may do with an anonymous catalog answer. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=30, stale-while-revalidate=300';
export const PRIVATE_CACHE_CONTROL = 'private, no-store';
/**
 * How long an in-process entry lives even when the version does not move: what the catalog
 * shows also changes with time (the "new" badge) and with enrollment counters, which do not
 * bump the version (see the migration). The same bound as a shared cache's max-age.
 */
export const CATALOG_TTL_MS = 30_000;
/** Entries per app instance: a few hundred answers of tens of KB at most. */
export const DEFAULT_CATALOG_CACHE_ENTRIES = 500;

export interface CachedAnswer {
  /** The exact JSON text sent. */
  body: string;
  etag: string;
  /** The catalog version the body was computed under. */
  version: string;
  storedAt: number;
}

export interface LruCache {
  /** The answer for `key` if it was computed under `version` and is younger than the TTL. */
  get(key: string, version: string, now: number): CachedAnswer | undefined;
  set(key: string, answer: CachedAnswer): void;
  readonly size: number;
}

/** A Map keeps insertion order: re-inserting on use keeps the least recently used first. */
export function lruCache(maxEntries: number, ttlMs = CATALOG_TTL_MS): LruCache {
  const entries = new Map<string, CachedAnswer>();
  return {
    get(key, version, now) {
      const hit = entries.get(key);
      if (!hit) return undefined;
      entries.delete(key);
      if (hit.version !== version || now - hit.storedAt >= ttlMs || now < hit.storedAt) return undefined;
      entries.set(key, hit);
      return hit;
    },
    set(key, answer) {
      if (maxEntries <= 0) return;
      entries.delete(key);
      entries.set(key, answer);
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
    get size() {
      return entries.size;
    },
  };
}

/** A strong ETag: SHA-256 of the UTF-8 bytes (web crypto, so Deno and Node agree). */
export async function strongEtag(body: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `"${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}"`;
}

/**
 * Whether If-None-Match names this representation. RFC 9110 13.1.2: a list of entity tags or
 * `*`, compared weakly (a `W/` prefix is ignored).
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || (t.startsWith('W/') ? t.slice(2) : t) === etag;
  });
}

/** The version the cache is checked against, read as the caller (a definer function). */
export const CATALOG_VERSION_SQL = 'select private.catalog_version()::text as v';

export async function catalogVersion(sql: Sql): Promise<string> {
  const [row] = await sql.query<{ v: string }>(CATALOG_VERSION_SQL);
  return row!.v;
}

export interface PublicCatalog {
  db: Database;
  cache: LruCache;
  now: () => Date;
}

type Found = CachedAnswer | { fresh: true; version: string; at: number; body: string };

/**
 * The cached answer for `key`, or a fresh one computed by `load` (as anon, so RLS still
 * decides). The version is always read before the rows: an answer is never older than the
 * version it is cached under.
 * - With db.statementAsCaller (PostgreSQL): the version alone, in one round trip; a hit ends
 *   there. A miss then runs `load` in a transaction of its own, which reads rows at least as new.
 * - Otherwise: one transaction that reads the version, then runs `load` on a miss.
 */
async function lookup(
  { db, cache, now }: PublicCatalog,
  key: string,
  load: (sql: Sql) => Promise<unknown>,
): Promise<Found> {
  const anon = { role: 'anon' } as const;
  if (db.statementAsCaller) {
    const [row] = await db.statementAsCaller<{ v: string }>(anon, CATALOG_VERSION_SQL);
    const version = row!.v;
    const at = now().getTime();
    const hit = cache.get(key, version, at);
    if (hit) return hit;
    return { fresh: true, version, at, body: JSON.stringify(await db.asCaller(anon, load)) };
  }
  return db.asCaller(anon, async (sql) => {
    const version = await catalogVersion(sql);
    const at = now().getTime();
    const hit = cache.get(key, version, at);
    return hit ?? { fresh: true as const, version, at, body: JSON.stringify(await load(sql)) };
  });
}

/**
 * Answers an anonymous catalog read: from the cache when the catalog has not changed since it
 * was computed, else by running `load` (see lookup). `load` throws for a 404; errors are never cached.
 */
export async function servePublic(
  c: Context<Env>,
  shared: PublicCatalog,
  key: string,
  load: (sql: Sql) => Promise<unknown>,
): Promise<Response> {
  const { cache } = shared;
  const found = await lookup(shared, key, load);
  let answer: CachedAnswer;
  if ('fresh' in found) {
    // Hashed after the transaction: the connection is not held for it.
    answer = { body: found.body, version: found.version, etag: await strongEtag(found.body), storedAt: found.at };
    cache.set(key, answer);
  } else {
    answer = found;
  }
  const headers = { etag: answer.etag, 'cache-control': PUBLIC_CACHE_CONTROL, vary: 'Authorization' };
  if (matchesIfNoneMatch(c.req.header('if-none-match'), answer.etag)) return c.body(null, 304, headers);
  return c.body(answer.body, 200, { ...headers, 'content-type': 'application/json' });
}

/** A signed-in caller's answer: it holds their own state, so no cache may keep it. */
export function markPrivate(c: Context<Env>): void {
  c.header('cache-control', PRIVATE_CACHE_CONTROL);
  c.header('vary', 'Authorization');
}
