import { randomUUID } from 'node:crypto';
import type { StorageContext } from './context.ts';
import type { StoredFile, TempWriter } from './disk.ts';
import { errors } from './errors.ts';
import { checkDeclaredLength, checkMimeType, sizeLimit } from './limits.ts';
import { boundaryOf, MultipartError, readMultipart } from './multipart.ts';
import {
  type Actor,
  authorizeWrite,
  type Bucket,
  commitWrite,
  type NewObject,
  type ObjectMetadata,
  type WriteKind,
} from './objects.ts';

/**
 * Receiving an object's bytes (upload, update, signed upload), in this order:
 *   1. the declared size and type against the bucket's limits (no byte read yet);
 *   2. the write itself, as the actor, in a transaction that is rolled back (RLS decides);
 *   3. the body, streamed to a temp file, counted (refused past the limit) and hashed;
 *   4. the row written as the actor and the file renamed into place in one transaction;
 *      the version it replaced is removed after the commit.
 * A failure at any step leaves no file and no row behind.
 */

export interface UploadTarget {
  actor: Actor;
  bucket: Bucket;
  name: string;
  kind: WriteKind;
  /** Who the row names as its owner. */
  owner: string | null;
}

/** Multipart overhead allowed beyond the file itself: the text fields and part headers. */
const MULTIPART_SLACK = 96 * 1024;

function cacheControlOf(value: string | undefined | null): string {
  if (!value) return 'no-cache';
  return /^\d+$/.test(value) ? `max-age=${value}` : value;
}

function userMetadataOf(json: string | undefined): Record<string, unknown> | null {
  if (json === undefined || json === '') return null;
  try {
    const value: unknown = JSON.parse(json);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // refused below
  }
  throw errors.invalidRequest('metadata must be a JSON object');
}

function headerMetadata(value: string | undefined): Record<string, unknown> | null {
  if (!value) return null;
  return userMetadataOf(Buffer.from(value, 'base64').toString('utf8'));
}

interface Received {
  file: StoredFile;
  mimetype: string;
  cacheControl: string;
  userMetadata: Record<string, unknown> | null;
}

/** Reads a raw body (the object is the body). */
async function receiveRaw(ctx: StorageContext, req: Request, target: UploadTarget, limit: number): Promise<Received> {
  const mimetype = req.headers.get('content-type') || 'application/octet-stream';
  checkMimeType(target.bucket, mimetype);
  const userMetadata = headerMetadata(req.headers.get('x-metadata') ?? undefined);
  await authorize(ctx, target);
  const file = await ctx.disk.writeTemp(bodyOf(req), limit);
  return { file, mimetype, cacheControl: cacheControlOf(req.headers.get('cache-control')), userMetadata };
}

/**
 * The request body, chunk by chunk. When the reader stops early (a refusal), the stream is
 * released, never cancelled: cancelling destroys the socket before the refusal is sent, and
 * the host reads and discards what is left instead (server/drain.ts).
 */
async function* bodyOf(req: Request): AsyncGenerator<Uint8Array> {
  if (!req.body) return;
  const reader = req.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Reads multipart/form-data: `cacheControl` and `metadata` fields, then the one file part. */
async function receiveMultipart(
  ctx: StorageContext,
  req: Request,
  target: UploadTarget,
  limit: number,
  boundary: string,
): Promise<Received> {
  await authorize(ctx, target);
  let writer: TempWriter | undefined;
  let mimetype = 'application/octet-stream';
  try {
    const { fields, file } = await readMultipart(bodyOf(req), boundary, {
      async onFile(part, fieldsSoFar) {
        mimetype = part.contentType || fieldsSoFar.contentType || mimetype;
        checkMimeType(target.bucket, mimetype);
        writer = await ctx.disk.tempWriter(limit);
        return writer;
      },
    });
    if (!file || !writer) throw errors.invalidRequest('No content provided');
    const stored = await writer.finish();
    return {
      file: stored,
      mimetype,
      cacheControl: cacheControlOf(fields.cacheControl),
      userMetadata: userMetadataOf(fields.metadata),
    };
  } catch (err) {
    await writer?.abort();
    if (err instanceof MultipartError) throw errors.invalidRequest(err.message);
    throw err;
  }
}

function rowFor(
  target: UploadTarget,
  version: string,
  metadata: NewObject['metadata'],
  userMetadata: NewObject['userMetadata'],
): NewObject {
  return { bucket: target.bucket.id, name: target.name, version, metadata, userMetadata, owner: target.owner };
}

function authorize(ctx: StorageContext, target: UploadTarget): Promise<void> {
  return authorizeWrite(ctx.db, target.actor, rowFor(target, randomUUID(), {}, null), target.kind);
}

/** Stores the request's body as the target object; resolves with the row's id. */
export async function receiveUpload(ctx: StorageContext, req: Request, target: UploadTarget): Promise<{ id: string }> {
  const limit = sizeLimit(target.bucket, ctx.maxFileSize);
  const boundary = boundaryOf(req.headers.get('content-type'));
  checkDeclaredLength(req.headers.get('content-length'), limit, boundary ? MULTIPART_SLACK : 0);
  const received = boundary
    ? await receiveMultipart(ctx, req, target, limit, boundary)
    : await receiveRaw(ctx, req, target, limit);
  return storeReceived(ctx, target, received);
}

/** Writes the row for a finished file and moves the file into place (see receiveUpload). */
export async function storeReceived(
  ctx: StorageContext,
  target: UploadTarget,
  received: Received,
): Promise<{ id: string }> {
  const version = randomUUID();
  const { file } = received;
  const metadata: ObjectMetadata = {
    eTag: `"${file.md5}"`,
    size: file.size,
    mimetype: received.mimetype,
    cacheControl: received.cacheControl,
    lastModified: new Date().toISOString(),
    contentLength: file.size,
    httpStatusCode: 200,
  };
  let placed = false;
  try {
    const { id, replaced } = await commitWrite(
      ctx.db,
      target.actor,
      rowFor(target, version, metadata, received.userMetadata),
      target.kind,
      async () => {
        await ctx.disk.place(file.path, target.bucket.id, target.name, version);
        placed = true;
      },
    );
    if (replaced) await ctx.disk.removeVersion(target.bucket.id, target.name, replaced).catch(() => undefined);
    return { id };
  } catch (err) {
    if (placed) await ctx.disk.removeVersion(target.bucket.id, target.name, version).catch(() => undefined);
    else await ctx.disk.removeFile(file.path, ctx.disk.tempDir).catch(() => undefined);
    throw err;
  }
}

export type { Received };

/**
 * Stores bytes as the table owner, for definer-side code (issued certificates): no RLS, the
 * bucket's limits still hold. Replaces an existing object of that name.
 */
export async function storeAsOwner(
  ctx: StorageContext,
  object: { bucket: Bucket; name: string; body: Uint8Array; contentType: string; owner: string | null },
): Promise<{ id: string }> {
  checkMimeType(object.bucket, object.contentType);
  const writer = await ctx.disk.tempWriter(sizeLimit(object.bucket, ctx.maxFileSize));
  let file: StoredFile;
  try {
    await writer.write(object.body);
    file = await writer.finish();
  } catch (err) {
    await writer.abort();
    throw err;
  }
  const target: UploadTarget = {
    actor: { role: 'owner' },
    bucket: object.bucket,
    name: object.name,
    kind: 'upsert',
    owner: object.owner,
  };
  return storeReceived(ctx, target, {
    file,
    mimetype: object.contentType,
    cacheControl: 'no-cache',
    userMetadata: null,
  });
}
