import { z } from 'zod';
import { appRole, uuid } from './primitives.ts';

/** GET /api/profile and PATCH /api/profile: the signed-in user's own profile. */

export const profile = z.strictObject({
  id: uuid,
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  /** The avatar: a public URL in the `avatars` storage bucket, under the user's own folder. */
  profileImageUrl: z.string().nullable(),
  role: appRole,
});

/** A name as people type it: trimmed, at most 100 characters, no control characters. */
const personName = z
  .string()
  .trim()
  .max(100)
  .regex(/^[^\u0000-\u001f\u007f-\u009f]*$/, 'must not contain control characters');

/**
 * PATCH /api/profile: any of the fields; absent ones stay as they are. `profileImageUrl` must be
 * this project's public URL of an object in the `avatars` bucket under the caller's own folder
 * (`<storage>/object/public/avatars/<uid>/<name>`), or null to remove the avatar; the route
 * checks the owner and the origin.
 */
export const profileUpdate = z
  .strictObject({
    firstName: personName,
    lastName: personName,
    profileImageUrl: z.string().max(1024).nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'send at least one field');

export type Profile = z.infer<typeof profile>;
export type ProfileUpdate = z.infer<typeof profileUpdate>;
