import type { Context } from 'hono';
import type { z } from 'zod';
import type { Caller } from '../../edge/db/port.ts';
import { storageCaller } from './caller.ts';
import type { StorageContext } from './context.ts';
import { errors } from './errors.ts';
import { type Bucket, findBucket } from './objects.ts';
import { isValidBucketId, isValidObjectName } from './paths.ts';

/** Request helpers shared by the storage routes. */

export function callerOf(ctx: StorageContext, c: Context): Promise<Caller> {
  return storageCaller(ctx.verifier, c.req.header('authorization'));
}

/** The bucket named in the path, or NoSuchBucket (an id that cannot exist is not looked up). */
export async function bucketOf(ctx: StorageContext, id: string): Promise<Bucket> {
  const bucket = isValidBucketId(id) ? await findBucket(ctx.db, id) : null;
  if (!bucket) throw errors.noSuchBucket();
  return bucket;
}

/** An object name from a path or a body, or InvalidKey. */
export function objectName(name: string | undefined): string {
  if (name === undefined || !isValidObjectName(name)) throw errors.invalidKey(name ?? '');
  return name;
}

/** The rest of the path after `prefix` (percent-decoded by the router): `<bucket>/<name>`. */
export function splitPath(bucketAndName: string): { bucket: string; name: string } {
  const slash = bucketAndName.indexOf('/');
  if (slash <= 0) throw errors.invalidKey(bucketAndName);
  return { bucket: bucketAndName.slice(0, slash), name: bucketAndName.slice(slash + 1) };
}

/** The JSON body, validated; anything else is an InvalidRequest. */
export async function jsonBody<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  let value: unknown;
  try {
    value = await c.req.json();
  } catch {
    throw errors.invalidRequest('the body must be JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw errors.invalidRequest(issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid body');
  }
  return parsed.data;
}

export const isUpsert = (c: Context) => c.req.header('x-upsert') === 'true';
