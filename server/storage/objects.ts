import { randomUUID } from 'node:crypto';
import type { Caller, Database, Sql } from '../../edge/db/port.ts';
import { errors, StorageError } from './errors.ts';

/**
 * storage.buckets and storage.objects. Every read and write of an object row runs as the caller
 * (their role and claims set for the transaction, as the data API does), so the RLS policies on
 * storage.objects decide; only signed links (whose permission was checked when they were signed)
 * and bucket lookups run as the owner.
 */

export type Actor = Caller | { role: 'owner' };

export interface OwnerDatabase extends Database {
  asOwner<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
}

export interface Bucket {
  id: string;
  public: boolean;
  fileSizeLimit: number | null;
  allowedMimeTypes: string[] | null;
}

/** storage.objects.metadata, as Supabase fills it. */
export interface ObjectMetadata {
  eTag: string;
  size: number;
  mimetype: string;
  cacheControl: string;
  lastModified: string;
  contentLength: number;
  httpStatusCode: number;
}

export interface ObjectRow {
  id: string;
  bucket_id: string;
  name: string;
  owner: string | null;
  owner_id: string | null;
  version: string;
  metadata: ObjectMetadata | null;
  user_metadata: Record<string, unknown> | null;
  created_at: Date;
  updated_at: Date;
  last_accessed_at: Date;
}

/** A row to write: what the upload decided. */
export interface NewObject {
  bucket: string;
  name: string;
  version: string;
  metadata: ObjectMetadata | Record<string, never>;
  userMetadata: Record<string, unknown> | null;
  /** The uploader's user id, or null (anon, or a signed upload with no owner). */
  owner: string | null;
}

/** create: a new name (409 if taken); upsert: create or replace; update: replace (404 if missing). */
export type WriteKind = 'create' | 'upsert' | 'update';

const COLUMNS =
  'id, bucket_id, name, owner, owner_id, version, metadata, user_metadata, created_at, updated_at, last_accessed_at';

export function run<T>(db: OwnerDatabase, actor: Actor, fn: (sql: Sql) => Promise<T>): Promise<T> {
  return actor.role === 'owner' ? db.asOwner(fn) : db.asCaller(actor, fn);
}

/** The user an actor writes as: the signed-in user's id, else null. */
export function actorUser(actor: Actor): string | null {
  return actor.role === 'authenticated' ? actor.claims.sub : null;
}

function sqlState(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** Maps a refusal by the database to Supabase's error; anything else is rethrown as is. */
function refusal(err: unknown): never {
  if (err instanceof StorageError) throw err;
  const state = sqlState(err);
  if (state === '42501') throw errors.accessDenied();
  if (state === '23505') throw errors.duplicate();
  if (state === '23503') throw errors.noSuchBucket();
  throw err;
}

export async function findBucket(db: OwnerDatabase, id: string): Promise<Bucket | null> {
  const rows = await db.asOwner((sql) =>
    sql.query<{ id: string; public: boolean; limit: string | null; types: string[] | null }>(
      'select id, public, file_size_limit::text as limit, allowed_mime_types as types from storage.buckets where id = $1',
      [id],
    ),
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    public: row.public,
    fileSizeLimit: row.limit === null ? null : Number(row.limit),
    allowedMimeTypes: row.types,
  };
}

export async function findObject(sql: Sql, bucket: string, name: string, lock = false): Promise<ObjectRow | null> {
  const rows = await sql.query<ObjectRow>(
    `select ${COLUMNS} from storage.objects where bucket_id = $1 and name = $2${lock ? ' for update' : ''}`,
    [bucket, name],
  );
  return rows[0] ?? null;
}

/** The object as the actor sees it, or NoSuchKey. */
export async function readObject(db: OwnerDatabase, actor: Actor, bucket: string, name: string): Promise<ObjectRow> {
  const row = await run(db, actor, (sql) => findObject(sql, bucket, name));
  if (!row) throw errors.noSuchKey();
  return row;
}

/**
 * Writes the row in the caller's transaction. Returns the row's id and the version it replaced.
 * Denials: AccessDenied (RLS), KeyAlreadyExists (create over an existing name), NoSuchKey
 * (update of a row the caller cannot see).
 */
async function applyWrite(sql: Sql, row: NewObject, kind: WriteKind): Promise<{ id: string; replaced: string | null }> {
  const params = (id: string) => [
    id,
    row.bucket,
    row.name,
    row.owner,
    row.owner,
    row.version,
    JSON.stringify(row.metadata),
    row.userMetadata === null ? null : JSON.stringify(row.userMetadata),
  ];
  if (kind !== 'create') {
    const visible = await findObject(sql, row.bucket, row.name);
    if (!visible && kind === 'update') throw errors.noSuchKey();
    if (visible) {
      // FOR UPDATE applies the update policy too: a row the caller sees but may not change is hidden.
      const locked = await findObject(sql, row.bucket, row.name, true);
      if (!locked) throw errors.accessDenied();
      const updated = await sql.query<{ n: number }>(
        `with u as (
           update storage.objects
           set owner = $4::uuid, owner_id = $5, version = $6, metadata = $7::jsonb, user_metadata = $8::jsonb,
               last_accessed_at = now()
           where id = $1 and bucket_id = $2 and name = $3
           returning 1
         ) select count(*)::int as n from u`,
        params(locked.id),
      );
      if (updated[0]?.n !== 1) throw errors.accessDenied();
      return { id: locked.id, replaced: locked.version };
    }
  }
  const id = randomUUID();
  try {
    await sql.query(
      `insert into storage.objects (id, bucket_id, name, owner, owner_id, version, metadata, user_metadata)
       values ($1, $2, $3, $4::uuid, $5, $6, $7::jsonb, $8::jsonb)`,
      params(id),
    );
  } catch (err) {
    // An upsert over a row the caller cannot see: refused as Supabase refuses it (RLS), not a 409.
    if (kind === 'upsert' && sqlState(err) === '23505') throw errors.accessDenied();
    throw err;
  }
  return { id, replaced: null };
}

class Rollback extends Error {}

/**
 * Checks that the actor may write `row` (kind), by writing it in a transaction that is always
 * rolled back: nothing is kept, and no byte of the upload has been read yet.
 */
export async function authorizeWrite(db: OwnerDatabase, actor: Actor, row: NewObject, kind: WriteKind): Promise<void> {
  try {
    await run(db, actor, async (sql) => {
      await applyWrite(sql, row, kind);
      throw new Rollback();
    });
  } catch (err) {
    if (err instanceof Rollback) return;
    refusal(err);
  }
}

/**
 * Writes the row for good. `beforeCommit` runs inside the transaction once the row is written
 * (to move the bytes into place): if it throws, the row is rolled back.
 */
export async function commitWrite(
  db: OwnerDatabase,
  actor: Actor,
  row: NewObject,
  kind: WriteKind,
  beforeCommit: () => Promise<void> = async () => undefined,
): Promise<{ id: string; replaced: string | null }> {
  try {
    return await run(db, actor, async (sql) => {
      const result = await applyWrite(sql, row, kind);
      await beforeCommit();
      return result;
    });
  } catch (err) {
    refusal(err);
  }
}

/** Deletes the named objects the actor may delete; returns the deleted rows. */
export async function deleteObjects(
  db: OwnerDatabase,
  actor: Actor,
  bucket: string,
  names: string[],
): Promise<ObjectRow[]> {
  try {
    return await run(db, actor, (sql) =>
      sql.query<ObjectRow>(
        `delete from storage.objects where bucket_id = $1 and name = any($2::text[]) returning ${COLUMNS}`,
        [bucket, names],
      ),
    );
  } catch (err) {
    refusal(err);
  }
}

/**
 * Moves or copies an object as the actor: the source must be visible (and, for a move,
 * deletable), the destination insertable. `placeBytes` links the bytes to the destination's
 * version inside the transaction; `afterFailure` undoes that if the transaction fails.
 */
export async function relocate(
  db: OwnerDatabase,
  actor: Actor,
  op: 'move' | 'copy',
  from: { bucket: string; name: string },
  to: { bucket: string; name: string },
  placeBytes: (source: ObjectRow, version: string) => Promise<() => Promise<void>>,
): Promise<{ source: ObjectRow; id: string; version: string }> {
  let undo: (() => Promise<void>) | undefined;
  try {
    return await run(db, actor, async (sql) => {
      const source = await findObject(sql, from.bucket, from.name);
      if (!source) throw errors.noSuchKey();
      if (op === 'move') {
        const deleted = await sql.query<{ id: string }>(
          'delete from storage.objects where id = $1 and bucket_id = $2 and name = $3 returning id',
          [source.id, from.bucket, from.name],
        );
        if (deleted.length !== 1) throw errors.accessDenied();
      }
      const version = op === 'move' ? source.version : randomUUID();
      const id = op === 'move' ? source.id : randomUUID();
      undo = await placeBytes(source, version);
      await sql.query(
        `insert into storage.objects (id, bucket_id, name, owner, owner_id, version, metadata, user_metadata, created_at)
         values ($1, $2, $3, $4::uuid, $5, $6, $7::jsonb, $8::jsonb, $9)`,
        [
          id,
          to.bucket,
          to.name,
          actorUser(actor),
          actorUser(actor),
          version,
          source.metadata === null ? null : JSON.stringify(source.metadata),
          source.user_metadata === null ? null : JSON.stringify(source.user_metadata),
          op === 'move' ? source.created_at : new Date(),
        ],
      );
      return { source, id, version };
    });
  } catch (err) {
    await undo?.();
    refusal(err);
  }
}

export type SortColumn = 'name' | 'updated_at' | 'created_at' | 'last_accessed_at';

export interface ListOptions {
  prefix: string;
  limit: number;
  offset: number;
  sortColumn: SortColumn;
  sortOrder: 'asc' | 'desc';
  search: string;
}

export interface ListEntry {
  name: string;
  id: string | null;
  updated_at: Date | null;
  created_at: Date | null;
  last_accessed_at: Date | null;
  metadata: ObjectMetadata | null;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/**
 * One level of a bucket under `prefix`, as the actor sees it: the objects directly in it, and
 * its sub-folders (name only, id null), as Supabase's list does.
 */
export function listObjects(db: OwnerDatabase, actor: Actor, bucket: string, o: ListOptions): Promise<ListEntry[]> {
  const folder = o.prefix === '' ? '' : `${o.prefix}/`;
  // Lengths in code points, as substr counts them. The sort column and order are from fixed lists (the route validates them), never free text.
  const order = `${o.sortColumn} ${o.sortOrder === 'desc' ? 'desc' : 'asc'} nulls ${o.sortOrder === 'desc' ? 'last' : 'first'}`;
  return run(db, actor, (sql) =>
    sql.query<ListEntry>(
      `with entries as (
         select split_part(substr(o.name, $3::int + 1), '/', 1) as entry,
                strpos(substr(o.name, $3::int + 1), '/') > 0 as is_folder,
                o.id, o.updated_at, o.created_at, o.last_accessed_at, o.metadata
         from storage.objects o
         where o.bucket_id = $1 and o.name like $2 escape '\\'
       ), listed as (
         select entry as name, null::uuid as id, null::timestamptz as updated_at, null::timestamptz as created_at,
                null::timestamptz as last_accessed_at, null::jsonb as metadata
         from entries where is_folder group by entry
         union all
         select entry, id, updated_at, created_at, last_accessed_at, metadata from entries where not is_folder
       )
       select * from listed where name ilike $4 escape '\\'
       order by ${order}, name collate "C"
       limit $5 offset $6`,
      [bucket, `${likeEscape(folder)}%`, [...folder].length, `${likeEscape(o.search)}%`, o.limit, o.offset],
    ),
  );
}
