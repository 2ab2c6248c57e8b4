import type { Context } from 'hono';
import type { z } from 'zod';
import { AuthError, badJson, validationFailed } from './errors.ts';
import { ipKey } from './ip-key.ts';
import { exceedsDepth } from './json-depth.ts';

export const MAX_BODY_BYTES = 64 * 1024;
/** No request auth-js sends nests deeper than metadata allows; a stack-deep body is refused whole. */
const MAX_BODY_DEPTH = 16;

/**
 * Reads a JSON object body and validates it. Only `application/json` is accepted (which also
 * makes cross-site form posts preflighted); malformed JSON is 400 bad_json, wrong types 400
 * validation_failed.
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new AuthError(415, 'bad_json', 'Content-Type must be application/json');
  }
  const text = await c.req.text();
  let raw: unknown;
  try {
    raw = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw badJson();
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw validationFailed('Request body must be a JSON object');
  }
  if (exceedsDepth(raw, MAX_BODY_DEPTH))
    throw validationFailed(`Request bodies may be nested at most ${MAX_BODY_DEPTH} levels deep`);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw validationFailed(`${where}${issue?.message ?? 'invalid request body'}`);
  }
  return parsed.data;
}

/** The client address as the host saw it (x-real-ip, set from the socket; never x-forwarded-for). */
export function clientIp(c: Context): string {
  return c.req.header('x-real-ip')?.trim() || 'unknown';
}

/** The rate-limit key for the client: its address, or its /64 for IPv6 (ip-key.ts). */
export function clientKey(c: Context): string {
  return ipKey(clientIp(c));
}

export function bearerToken(c: Context): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
  return match ? match[1]! : null;
}
