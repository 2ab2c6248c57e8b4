import type { Context } from 'hono';
import { z } from 'zod';
import { AppError, badRequest } from './errors.ts';

export const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a UUID');
export const slug = z.string().max(120).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a slug');

function issues(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/** A JSON body checked against a strict schema: malformed JSON, unknown fields and wrong types are 400s. */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new AppError(415, 'unsupported_media_type', 'send JSON with Content-Type: application/json');
  }
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw badRequest('malformed JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw badRequest('invalid request body', issues(parsed.error));
  return parsed.data;
}

/** Query parameters checked against a strict schema; repeated keys arrive as arrays. */
export function queryParams<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const all = c.req.queries();
  const flat: Record<string, string | string[]> = {};
  for (const [key, values] of Object.entries(all)) flat[key] = values.length === 1 ? values[0]! : values;
  const parsed = schema.safeParse(flat);
  if (!parsed.success) throw badRequest('invalid query', issues(parsed.error));
  return parsed.data;
}

/** A path parameter; `onFail` is the error for a malformed one (400 for ids, 404 for slugs). */
export function param<S extends z.ZodType>(c: Context, name: string, schema: S, onFail: AppError): z.infer<S> {
  const parsed = schema.safeParse(c.req.param(name));
  if (!parsed.success) throw onFail;
  return parsed.data;
}
