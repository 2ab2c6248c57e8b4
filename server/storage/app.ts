import { join, resolve } from 'node:path';
import { type Context, Hono } from 'hono';
import { hs256Verifier } from '../../edge/auth/jwt.ts';
import type { StorageContext } from './context.ts';
import { Disk } from './disk.ts';
import { serveObject } from './download.ts';
import { errors, StorageError } from './errors.ts';
import { list, moveOrCopy, objectInfo, remove } from './manage.ts';
import { type OwnerDatabase, readObject, run } from './objects.ts';
import { bucketOf, callerOf, isUpsert, objectName, splitPath } from './request.ts';
import { signedDownload, signedUpload, signMany, signOne, signUpload } from './sign.ts';
import { LinkSigner } from './signing.ts';
import { createTusServer, sweepExpiredUploads } from './tus.ts';
import { receiveUpload } from './upload.ts';

/**
 * The embedded Supabase Storage subset (docs/storage.md), at `basePath` (/storage/v1): what
 * storage-js 2.x sends for upload, update, download, info, list, remove, move, copy, signed
 * download and upload links, and TUS resumable uploads. Authorization is RLS on storage.objects,
 * the same policies as on Supabase (supabase/migrations/..._storage_buckets_and_policies.sql).
 */

export interface StorageDeps {
  db: OwnerDatabase;
  jwtSecret: string;
  /** Where the bytes live (DATA_DIR/storage unless configured). */
  root: string;
  /** The largest object any bucket may hold, in bytes. */
  maxFileSize: number;
  basePath?: string;
  now?: () => Date;
}

const SWEEP_MS = 60 * 60 * 1000;

/** STORAGE_DIR, else DATA_DIR/storage, as an absolute path. */
export function storageRootOf(env: { STORAGE_DIR?: string; DATA_DIR: string }): string {
  return resolve(env.STORAGE_DIR ?? join(env.DATA_DIR, 'storage'));
}

/**
 * The rest of the path after `prefix`, each segment percent-decoded (an encoded `%2F` becomes a
 * `/` of the name, and then meets the name checks like any other).
 */
function rest(c: Context, prefix: string): string {
  const path = new URL(c.req.url).pathname;
  if (!path.startsWith(prefix)) throw errors.invalidKey('');
  try {
    return path
      .slice(prefix.length)
      .split('/')
      .map((segment) => decodeURIComponent(segment))
      .join('/');
  } catch {
    throw errors.invalidKey(path.slice(prefix.length));
  }
}

/** Opens the storage root and builds what the routes share (also for owner-side writers). */
export async function openStorage(deps: StorageDeps): Promise<StorageContext> {
  return {
    db: deps.db,
    disk: await Disk.open(deps.root),
    verifier: hs256Verifier(deps.jwtSecret),
    signer: new LinkSigner(deps.jwtSecret, deps.now),
    maxFileSize: deps.maxFileSize,
  };
}

export async function createStorageApp(deps: StorageDeps, opened?: StorageContext): Promise<Hono> {
  const base = deps.basePath ?? '/storage/v1';
  const ctx = opened ?? (await openStorage(deps));
  const tus = createTusServer(ctx, `${base}/upload/resumable`);
  // Abandoned resumable uploads are swept hourly; the timer never keeps the process alive.
  setInterval(() => void sweepExpiredUploads(tus).catch(() => undefined), SWEEP_MS).unref();

  const app = new Hono().basePath(base);
  const at = (c: Context, route: string) => splitPath(rest(c, `${base}${route}`));

  app.all('/upload/resumable', (c) => tus.handleWeb(c.req.raw));
  app.all('/upload/resumable/*', (c) => tus.handleWeb(c.req.raw));

  app.get('/bucket', async (c) => {
    const caller = await callerOf(ctx, c);
    const rows = await run(ctx.db, caller, (sql) =>
      sql.query(
        `select id, name, owner, public, file_size_limit::float8 as file_size_limit, allowed_mime_types,
                created_at, updated_at
         from storage.buckets order by id`,
      ),
    );
    return c.json(rows);
  });

  app.post('/object/list/:bucket', (c) => list(ctx, c, c.req.param('bucket')));
  app.post('/object/move', (c) => moveOrCopy(ctx, c, 'move'));
  app.post('/object/copy', (c) => moveOrCopy(ctx, c, 'copy'));

  app.post('/object/sign/:bucket', (c) => signMany(ctx, c, c.req.param('bucket')));
  app.post('/object/sign/*', (c) => signOne(ctx, c, at(c, '/object/sign/')));
  app.get('/object/sign/*', (c) => signedDownload(ctx, c, at(c, '/object/sign/')));
  app.post('/object/upload/sign/*', (c) => signUpload(ctx, c, at(c, '/object/upload/sign/')));
  app.put('/object/upload/sign/*', (c) => signedUpload(ctx, c, at(c, '/object/upload/sign/')));

  app.get('/object/info/public/*', (c) => objectInfo(ctx, c, at(c, '/object/info/public/'), 'public'));
  app.get('/object/info/authenticated/*', (c) => objectInfo(ctx, c, at(c, '/object/info/authenticated/'), 'caller'));
  app.get('/object/info/*', (c) => objectInfo(ctx, c, at(c, '/object/info/'), 'caller'));

  app.get('/object/public/*', async (c) => {
    const path = at(c, '/object/public/');
    const bucket = await bucketOf(ctx, path.bucket);
    const name = objectName(path.name);
    if (!bucket.public) throw errors.noSuchBucket();
    return serveObject(ctx, c.req.raw, await readObject(ctx.db, { role: 'owner' }, bucket.id, name));
  });

  const download = async (c: Context, route: string) => {
    const caller = await callerOf(ctx, c);
    const path = at(c, route);
    const bucket = await bucketOf(ctx, path.bucket);
    const name = objectName(path.name);
    return serveObject(ctx, c.req.raw, await readObject(ctx.db, caller, bucket.id, name));
  };
  app.get('/object/authenticated/*', (c) => download(c, '/object/authenticated/'));
  app.get('/object/*', (c) => download(c, '/object/'));

  const upload = async (c: Context, kind: 'post' | 'put') => {
    const caller = await callerOf(ctx, c);
    const path = at(c, '/object/');
    const bucket = await bucketOf(ctx, path.bucket);
    const name = objectName(path.name);
    const { id } = await receiveUpload(ctx, c.req.raw, {
      actor: caller,
      bucket,
      name,
      kind: kind === 'put' ? 'update' : isUpsert(c) ? 'upsert' : 'create',
      owner: caller.role === 'authenticated' ? caller.claims.sub : null,
    });
    return c.json({ Id: id, Key: `${bucket.id}/${name}` });
  };
  app.post('/object/*', (c) => upload(c, 'post'));
  app.put('/object/*', (c) => upload(c, 'put'));
  app.delete('/object/:bucket', (c) => remove(ctx, c, c.req.param('bucket')));

  app.all('*', (c) =>
    c.json(
      {
        statusCode: '404',
        code: 'not_found',
        error: 'Not Found',
        message: `Route ${c.req.method}:${c.req.path} not found`,
      },
      404,
    ),
  );
  app.onError((err, c) => {
    if (err instanceof StorageError) return c.json(err.body(), err.httpStatus as 400);
    console.error('storage: unhandled error', err);
    return c.json(errors.internal().body(), 500);
  });

  return app;
}
