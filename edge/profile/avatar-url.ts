/**
 * Which avatar URLs a user may put on their profile: only this project's public URL of an
 * object in the `avatars` bucket under their own folder, as supabase-js's
 * `storage.from('avatars').getPublicUrl('<uid>/<name>')` builds it
 * (`<project URL>/storage/v1/object/public/avatars/<uid>/<name>`), or the same path without the
 * origin. Nothing else: no other origin, user, bucket, query, fragment, `.` or `..` segment.
 */

/** A path segment: letters, digits, `-`, `_` and `.`, not starting with a dot. */
const SEGMENT = '[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}';
const OBJECT_NAME = new RegExp(`^${SEGMENT}(/${SEGMENT}){0,4}$`);

export const AVATAR_PATH_PREFIX = '/storage/v1/object/public/avatars/';

/**
 * The URL if `userId` may use it as their avatar, or null. `projectUrl` is the Supabase project
 * URL the web app talks to (PublicConfig.supabaseUrl).
 */
export function allowedAvatarUrl(url: string, userId: string, projectUrl: string): string | null {
  const base = projectUrl.replace(/\/+$/, '');
  const own = `${AVATAR_PATH_PREFIX}${userId.toLowerCase()}/`;
  let rest: string | null = null;
  if (url.startsWith(`${base}${own}`)) rest = url.slice(base.length + own.length);
  else if (url.startsWith(own)) rest = url.slice(own.length);
  if (rest === null || !OBJECT_NAME.test(rest)) return null;
  return url;
}
