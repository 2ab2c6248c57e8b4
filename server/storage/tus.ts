import { createHash, randomUUID } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { copyFile, link } from 'node:fs/promises';
import { join } from 'node:path';
import { FileStore } from '@tus/file-store';
import { EVENTS, Server, type Upload } from '@tus/server';
import type { Caller } from '../../edge/db/port.ts';
import { storageCaller } from './caller.ts';
import type { StorageContext } from './context.ts';
import { errors, StorageError } from './errors.ts';
import { checkMimeType, sizeLimit } from './limits.ts';
import { actorUser, authorizeWrite } from './objects.ts';
import { bucketOf, objectName } from './request.ts';
import { storeReceived, type UploadTarget } from './upload.ts';

/**
 * Resumable uploads: the TUS protocol at <base>/upload/resumable, as Supabase Storage serves it
 * (@tus/server with @tus/file-store under <root>/.tus). The client sends the metadata
 * bucketName, objectName, contentType, cacheControl (and optional metadata, JSON), the Bearer
 * token, and `x-upsert: true` to replace; Supabase's clients send 6 MB chunks.
 *
 * Creation checks everything a plain upload checks before a byte is kept: the token, the
 * bucket, the name, the declared length and type against the bucket's limits, and the write
 * itself as the caller (rolled back). Only the user who created an upload may continue it. When
 * the last byte arrives, the row is written as that user and the file moved into place.
 */

/** Unfinished uploads are forgotten after a day, as on Supabase. */
const EXPIRY_MS = 24 * 60 * 60 * 1000;

type HookError = { status_code: number; body: string };

const hookError = (err: StorageError): HookError => ({
  status_code: err.statusCode,
  body: JSON.stringify(err.body()),
});

function md5Of(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('md5');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Who created the upload, as stored in its metadata ('' for anon). */
const identityOf = (caller: Caller) => actorUser(caller) ?? '';

async function targetOf(ctx: StorageContext, caller: Caller, meta: Upload['metadata'] = {}): Promise<UploadTarget> {
  const bucket = await bucketOf(ctx, meta.bucketName ?? '');
  const name = objectName(meta.objectName ?? undefined);
  return {
    actor: caller,
    bucket,
    name,
    kind: meta.upsert === 'true' ? 'upsert' : 'create',
    owner: actorUser(caller),
  };
}

export function createTusServer(ctx: StorageContext, path: string): Server {
  const datastore = new FileStore({ directory: ctx.disk.tusDir, expirationPeriodInMilliseconds: EXPIRY_MS });
  const callerOf = (req: Request) => storageCaller(ctx.verifier, req.headers.get('authorization') ?? undefined);

  const server = new Server({
    path,
    datastore,
    relativeLocation: true,
    // Same-origin only: no CORS header for other origins (the web app is served by this host).
    allowedOrigins: [],
    maxSize: ctx.maxFileSize,
    namingFunction: () => randomUUID(),
    async onUploadCreate(req, upload) {
      const caller = await callerOf(req);
      if (upload.size === undefined) throw errors.invalidRequest('Upload-Length is required');
      const target = await targetOf(ctx, caller, upload.metadata);
      if (upload.size > sizeLimit(target.bucket, ctx.maxFileSize)) throw errors.entityTooLarge();
      const contentType = upload.metadata?.contentType || 'application/octet-stream';
      checkMimeType(target.bucket, contentType);
      const kind = req.headers.get('x-upsert') === 'true' ? 'upsert' : 'create';
      const probe = {
        bucket: target.bucket.id,
        name: target.name,
        version: randomUUID(),
        metadata: {},
        userMetadata: null,
      };
      await authorizeWrite(ctx.db, caller, { ...probe, owner: target.owner }, kind);
      // Set by the server after the client's: a client cannot claim someone else's upload.
      return {
        metadata: { ...upload.metadata, contentType, uploader: identityOf(caller), upsert: String(kind === 'upsert') },
      };
    },
    async onIncomingRequest(req, uploadId) {
      // Creation (POST) is checked in onUploadCreate; this guards an existing upload.
      if (req.method === 'POST') return;
      const caller = await callerOf(req);
      const upload = await datastore.getUpload(uploadId);
      if ((upload.metadata?.uploader ?? '') !== identityOf(caller)) {
        throw errors.accessDenied('this upload belongs to someone else');
      }
    },
    async onUploadFinish(req, upload) {
      const caller = await callerOf(req);
      const target = await targetOf(ctx, caller, upload.metadata);
      const filePath = upload.storage?.path;
      if (!filePath) throw errors.internal();
      const meta = upload.metadata ?? {};
      let userMetadata: Record<string, unknown> | null = null;
      if (meta.metadata) {
        try {
          const parsed: unknown = JSON.parse(meta.metadata);
          if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
            userMetadata = parsed as Record<string, unknown>;
        } catch {
          userMetadata = null;
        }
      }
      // The object gets another name for the upload's bytes (a hard link in the temp folder,
      // renamed into place by storeReceived); the upload itself is removed once its answer is
      // written (POST_FINISH below), as @tus/server still reads it after this hook when the
      // creation request carried every byte (creation-with-upload).
      const placed = join(ctx.disk.tempDir, `tus-${randomUUID()}`);
      await link(filePath, placed).catch(() => copyFile(filePath, placed, constants.COPYFILE_EXCL));
      try {
        await storeReceived(ctx, target, {
          file: { path: placed, size: upload.size ?? upload.offset, md5: await md5Of(placed) },
          mimetype: meta.contentType || 'application/octet-stream',
          cacheControl: meta.cacheControl ? `max-age=${meta.cacheControl.replace(/^max-age=/, '')}` : 'no-cache',
          userMetadata,
        });
      } catch (err) {
        await datastore.remove(upload.id).catch(() => undefined);
        throw err;
      }
      return {};
    },
    onResponseError(_req, err) {
      if (err instanceof StorageError) return hookError(err);
      if ('status_code' in err && typeof err.status_code === 'number') return undefined;
      console.error('storage: resumable upload failed', err);
      return hookError(errors.internal());
    },
  });
  server.on(EVENTS.POST_FINISH, (_req, _res, upload) => {
    void datastore.remove(upload.id).catch(() => undefined);
  });
  return server;
}

/** Removes unfinished uploads older than a day. */
export function sweepExpiredUploads(server: Server): Promise<number> {
  return server.datastore.deleteExpired();
}
