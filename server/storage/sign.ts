import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { z } from 'zod';
import type { StorageContext } from './context.ts';
import { serveObject } from './download.ts';
import { actorUser, authorizeWrite, readObject, run } from './objects.ts';
import { bucketOf, callerOf, isUpsert, jsonBody, objectName } from './request.ts';
import { receiveUpload } from './upload.ts';

/**
 * Signed links. Signing checks, as the caller, that they may read the object (download) or
 * write it (upload); the link then works for anyone holding it until it expires, for that one
 * object only, and is served as the owner.
 */

const MISSING = 'Either the object does not exist or you do not have access to it';
const expiresIn = z
  .number()
  .int()
  .min(1)
  .max(10 * 365 * 24 * 3600);

export async function signOne(ctx: StorageContext, c: Context, path: { bucket: string; name: string }) {
  const caller = await callerOf(ctx, c);
  const bucket = await bucketOf(ctx, path.bucket);
  const name = objectName(path.name);
  const body = await jsonBody(c, z.object({ expiresIn }));
  await readObject(ctx.db, caller, bucket.id, name);
  const url = `${bucket.id}/${name}`;
  const token = await ctx.signer.signDownload(url, body.expiresIn);
  return c.json({ signedURL: `/object/sign/${url}?token=${token}` });
}

export async function signMany(ctx: StorageContext, c: Context, bucketId: string) {
  const caller = await callerOf(ctx, c);
  const bucket = await bucketOf(ctx, bucketId);
  const body = await jsonBody(c, z.object({ expiresIn, paths: z.array(z.string()).min(1).max(1000) }));
  const visible = new Set(
    (
      await run(ctx.db, caller, (sql) =>
        sql.query<{ name: string }>(
          'select name from storage.objects where bucket_id = $1 and name = any($2::text[])',
          [bucket.id, body.paths],
        ),
      )
    ).map((r) => r.name),
  );
  const signed = await Promise.all(
    body.paths.map(async (path) => {
      if (!visible.has(path)) return { error: MISSING, path, signedURL: null };
      const url = `${bucket.id}/${path}`;
      const token = await ctx.signer.signDownload(url, body.expiresIn);
      return { error: null, path, signedURL: `/object/sign/${url}?token=${token}` };
    }),
  );
  return c.json(signed);
}

export async function signedDownload(ctx: StorageContext, c: Context, path: { bucket: string; name: string }) {
  const bucket = await bucketOf(ctx, path.bucket);
  const name = objectName(path.name);
  await ctx.signer.verifyDownload(c.req.query('token'), `${bucket.id}/${name}`);
  return serveObject(ctx, c.req.raw, await readObject(ctx.db, { role: 'owner' }, bucket.id, name));
}

export async function signUpload(ctx: StorageContext, c: Context, path: { bucket: string; name: string }) {
  const caller = await callerOf(ctx, c);
  const bucket = await bucketOf(ctx, path.bucket);
  const name = objectName(path.name);
  const upsert = isUpsert(c);
  const owner = actorUser(caller);
  await authorizeWrite(
    ctx.db,
    caller,
    { bucket: bucket.id, name, version: randomUUID(), metadata: {}, userMetadata: null, owner },
    upsert ? 'upsert' : 'create',
  );
  const url = `${bucket.id}/${name}`;
  const token = await ctx.signer.signUpload({ url, owner, upsert });
  return c.json({ url: `/object/upload/sign/${url}?token=${token}`, token });
}

export async function signedUpload(ctx: StorageContext, c: Context, path: { bucket: string; name: string }) {
  const bucket = await bucketOf(ctx, path.bucket);
  const name = objectName(path.name);
  const claims = await ctx.signer.verifyUpload(c.req.query('token'), `${bucket.id}/${name}`);
  const { id } = await receiveUpload(ctx, c.req.raw, {
    actor: { role: 'owner' },
    bucket,
    name,
    kind: claims.upsert ? 'upsert' : 'create',
    owner: claims.owner,
  });
  return c.json({ Id: id, Key: `${bucket.id}/${name}` });
}
