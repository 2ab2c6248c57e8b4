import type { Context } from 'hono';
import { z } from 'zod';
import type { StorageContext } from './context.ts';
import { errors } from './errors.ts';
import { checkMimeType, sizeLimit } from './limits.ts';
import { deleteObjects, listObjects, type ObjectRow, readObject, relocate } from './objects.ts';
import { bucketOf, callerOf, jsonBody, objectName } from './request.ts';

/** list, info, remove, move and copy, each as the caller (RLS on storage.objects decides). */

const listSchema = z.object({
  prefix: z.string().max(1024).default(''),
  limit: z.number().int().min(1).max(1000).default(100),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  sortBy: z
    .object({
      column: z.enum(['name', 'updated_at', 'created_at', 'last_accessed_at']).default('name'),
      order: z.enum(['asc', 'desc', 'ASC', 'DESC']).default('asc'),
    })
    .default({ column: 'name', order: 'asc' }),
  search: z.string().max(1024).default(''),
});

export async function list(ctx: StorageContext, c: Context, bucketId: string): Promise<Response> {
  const caller = await callerOf(ctx, c);
  const bucket = await bucketOf(ctx, bucketId);
  const body = await jsonBody(c, listSchema);
  const prefix = body.prefix.replace(/^\/+|\/+$/g, '');
  if (prefix !== '' && !/^[^\u0000-\u001f\u007f\\]*$/.test(prefix)) throw errors.invalidKey(prefix);
  const entries = await listObjects(ctx.db, caller, bucket.id, {
    prefix,
    limit: body.limit,
    offset: body.offset,
    sortColumn: body.sortBy.column,
    sortOrder: body.sortBy.order.toLowerCase() as 'asc' | 'desc',
    search: body.search,
  });
  return c.json(entries);
}

/** The row as storage-js's info() expects it (it converts the keys to camelCase). */
function info(row: ObjectRow) {
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    bucket_id: row.bucket_id,
    size: row.metadata?.size ?? null,
    content_type: row.metadata?.mimetype ?? null,
    cache_control: row.metadata?.cacheControl ?? null,
    etag: row.metadata?.eTag ?? null,
    metadata: row.user_metadata ?? {},
    last_modified: row.updated_at,
    created_at: row.created_at,
  };
}

export async function objectInfo(
  ctx: StorageContext,
  c: Context,
  path: { bucket: string; name: string },
  access: 'caller' | 'public',
): Promise<Response> {
  const bucket = await bucketOf(ctx, path.bucket);
  const name = objectName(path.name);
  if (access === 'public' && !bucket.public) throw errors.noSuchBucket();
  const actor = access === 'public' ? ({ role: 'owner' } as const) : await callerOf(ctx, c);
  return c.json(info(await readObject(ctx.db, actor, bucket.id, name)));
}

const removeSchema = z.object({ prefixes: z.array(z.string()).min(1).max(1000) });

export async function remove(ctx: StorageContext, c: Context, bucketId: string): Promise<Response> {
  const caller = await callerOf(ctx, c);
  const bucket = await bucketOf(ctx, bucketId);
  const { prefixes } = await jsonBody(c, removeSchema);
  const names = prefixes.map((p) => objectName(p.replace(/^\/+/, '')));
  const deleted = await deleteObjects(ctx.db, caller, bucket.id, names);
  for (const row of deleted) {
    await ctx.disk.removeVersion(row.bucket_id, row.name, row.version).catch(() => undefined);
  }
  return c.json(
    deleted.map((row) => ({
      name: row.name,
      id: row.id,
      bucket_id: row.bucket_id,
      owner: row.owner,
      updated_at: row.updated_at,
      created_at: row.created_at,
      last_accessed_at: row.last_accessed_at,
      metadata: row.metadata,
    })),
  );
}

const relocateSchema = z.object({
  bucketId: z.string(),
  sourceKey: z.string(),
  destinationKey: z.string(),
  destinationBucket: z.string().optional().nullable(),
});

export async function moveOrCopy(ctx: StorageContext, c: Context, op: 'move' | 'copy'): Promise<Response> {
  const caller = await callerOf(ctx, c);
  const body = await jsonBody(c, relocateSchema);
  const fromBucket = await bucketOf(ctx, body.bucketId);
  const toBucket = body.destinationBucket ? await bucketOf(ctx, body.destinationBucket) : fromBucket;
  const from = { bucket: fromBucket.id, name: objectName(body.sourceKey) };
  const to = { bucket: toBucket.id, name: objectName(body.destinationKey) };
  if (from.bucket === to.bucket && from.name === to.name) {
    throw errors.invalidRequest('the source and the destination are the same object');
  }
  const result = await relocate(ctx.db, caller, op, from, to, async (source, version) => {
    // The destination bucket's limits hold for what arrives in it this way too.
    checkMimeType(toBucket, source.metadata?.mimetype ?? 'application/octet-stream');
    if ((source.metadata?.size ?? 0) > sizeLimit(toBucket, ctx.maxFileSize)) throw errors.entityTooLarge();
    await ctx.disk.duplicate({ ...from, version: source.version }, { ...to, version });
    return () => ctx.disk.removeVersion(to.bucket, to.name, version).catch(() => undefined);
  });
  if (op === 'move') {
    await ctx.disk.removeVersion(from.bucket, from.name, result.source.version).catch(() => undefined);
    return c.json({ message: 'Successfully moved' });
  }
  return c.json({ Id: result.id, Key: `${to.bucket}/${to.name}` });
}
