import type { z } from 'zod';
import { badRequest } from '../../http/errors.ts';

/**
 * A PATCH applied to a stored record: the changed fields over the record as it would be sent to
 * create it, checked against the create schema. The answer is the whole record as that schema
 * gives it; a record the change would make inconsistent is a 400 with the paths at fault.
 */
export function mergePatch<S extends z.ZodType>(schema: S, current: z.input<S>, patch: object): z.infer<S> {
  const parsed = schema.safeParse({ ...(current as object), ...patch });
  if (!parsed.success) {
    throw badRequest(
      'invalid request body',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return parsed.data;
}

/** Whether a PATCH body names `key`. */
export const names = (patch: object, key: string) => Object.hasOwn(patch, key);
