import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError, badRequest } from './errors.ts';

/** Path parameters follow the contract's rules for ids and slugs. */
export { slug, uuid } from '../contract/primitives.ts';

function issues(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/**
 * Control characters (C0, DEL, C1) have no business in a URL's parameters: a search, a slug
 * or an id never holds one, and PostgreSQL refuses NUL in text outright (a 500 before this).
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** NUL is the one character PostgreSQL cannot store in text or jsonb: a body holding one is refused. */
const NUL = '\u0000';

/** Whether any string inside a parsed JSON value holds a NUL (keys included). */
function holdsNul(value: unknown): boolean {
  const stack = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.includes(NUL)) return true;
    } else if (v && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        if (key.includes(NUL)) return true;
        stack.push(item);
      }
    }
  }
  return false;
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
  if (holdsNul(raw)) throw badRequest('invalid request body: text may not contain NUL characters');
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw badRequest('invalid request body', issues(parsed.error));
  return parsed.data;
}

/**
 * Query parameters checked against a strict schema; repeated keys arrive as arrays. Every
 * key and value is refused first if it holds a control character, whatever the schema says.
 */
export function queryParams<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const all = c.req.queries();
  const flat: Record<string, string | string[]> = {};
  for (const [key, values] of Object.entries(all)) {
    const bad = CONTROL.test(key) ? key : values.find((v) => CONTROL.test(v));
    if (bad !== undefined) {
      throw badRequest('invalid query', [
        { path: CONTROL.test(key) ? '' : key, message: 'must not contain control characters' },
      ]);
    }
    flat[key] = values.length === 1 ? values[0]! : values;
  }
  const parsed = schema.safeParse(flat);
  if (!parsed.success) throw badRequest('invalid query', issues(parsed.error));
  return parsed.data;
}

/** A path parameter; `onFail` is the error for a malformed one (400 for ids, 404 for slugs). */
export function param<S extends z.ZodType>(c: Context, name: string, schema: S, onFail: AppError): z.infer<S> {
  const value = c.req.param(name);
  if (typeof value !== 'string' || CONTROL.test(value)) throw onFail;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw onFail;
  return parsed.data;
}
