import { createHash, randomUUID } from 'node:crypto';
import type { Sql } from '../../edge/db/port.ts';
import type { Disk } from '../../server/storage/disk.ts';
import type { ObjectMetadata } from '../../server/storage/objects.ts';

/**
 * Writes one storage object from the seed, as the embedded storage service keeps it: the bytes in
 * a new version file (<root>/<bucket>/<name>/<version>, server/storage/disk.ts) and the
 * storage.objects row pointing at it, in the seed step's transaction (as the owner, no RLS).
 * Unchanged bytes (same MD5 as the row's ETag, file present) write nothing, so seeding again is
 * a no-op. The replaced version's file is returned for removal once the row has moved on.
 */

export interface SeedObject {
  bucket: string;
  name: string;
  bytes: Uint8Array;
  mimetype: string;
  cacheControl: string;
}

export interface PutResult {
  /** The bytes' MD5, hex (a short prefix makes a cache-busting URL). */
  md5: string;
  changed: boolean;
  /** The version file the new one replaced, to remove after the row points at the new one. */
  replaced: string | null;
}

export async function putSeedObject(sql: Sql, disk: Disk, object: SeedObject): Promise<PutResult> {
  const md5 = createHash('md5').update(object.bytes).digest('hex');
  const rows = await sql.query<{ version: string | null; etag: string | null }>(
    `select version, metadata->>'eTag' as etag from storage.objects where bucket_id = $1 and name = $2`,
    [object.bucket, object.name],
  );
  const existing = rows[0];
  if (existing?.version && existing.etag === `"${md5}"` && (await hasVersion(disk, object, existing.version))) {
    return { md5, changed: false, replaced: null };
  }

  const writer = await disk.tempWriter(object.bytes.length);
  try {
    await writer.write(object.bytes);
  } catch (err) {
    await writer.abort();
    throw err;
  }
  const file = await writer.finish();
  const version = randomUUID();
  await disk.place(file.path, object.bucket, object.name, version);
  const metadata: ObjectMetadata = {
    eTag: `"${md5}"`,
    size: file.size,
    mimetype: object.mimetype,
    cacheControl: object.cacheControl,
    lastModified: new Date().toISOString(),
    contentLength: file.size,
    httpStatusCode: 200,
  };
  await sql.query(
    `insert into storage.objects (bucket_id, name, owner, owner_id, version, metadata, user_metadata)
     values ($1, $2, null, null, $3, $4::jsonb, null)
     on conflict (bucket_id, name) do update set
       version = excluded.version, metadata = excluded.metadata, last_accessed_at = now()`,
    [object.bucket, object.name, version, JSON.stringify(metadata)],
  );
  return { md5, changed: true, replaced: existing?.version ?? null };
}

async function hasVersion(disk: Disk, object: SeedObject, version: string): Promise<boolean> {
  try {
    const opened = await disk.openVersion(object.bucket, object.name, version);
    await opened.handle.close();
    return true;
  } catch {
    return false;
  }
}
