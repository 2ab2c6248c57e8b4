import { isAbsolute, join, normalize, relative, sep } from 'node:path';

/**
 * Bucket ids and object names, checked before anything touches the disk or the database.
 * An object's bytes live at <root>/<bucket>/<name>/<version>: every upload writes a new version
 * file and the row then points at it, so a replaced object is swapped atomically and an object
 * `a` can sit beside `a/b` (as in Supabase).
 */

const MAX_NAME_BYTES = 1024;
/** Most file systems' limit for one path component. */
const MAX_SEGMENT_BYTES = 255;
const BUCKET_RE = /^[a-z0-9][a-z0-9_-]{0,62}$/;
// Control characters (NUL included), DEL, and backslash (a separator on Windows).
const FORBIDDEN_RE = /[\u0000-\u001f\u007f\\]/;
const VERSION_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isValidBucketId(bucket: string): boolean {
  return BUCKET_RE.test(bucket);
}

/**
 * Whether `name` is a valid object name: not empty, at most 1024 bytes, relative, no empty,
 * `.` or `..` segment, no control character or backslash, no segment over 255 bytes.
 */
export function isValidObjectName(name: string): boolean {
  if (!name || Buffer.byteLength(name) > MAX_NAME_BYTES || FORBIDDEN_RE.test(name)) return false;
  if (name.startsWith('/') || isAbsolute(name)) return false;
  return name
    .split('/')
    .every(
      (segment) =>
        segment !== '' && segment !== '.' && segment !== '..' && Buffer.byteLength(segment) <= MAX_SEGMENT_BYTES,
    );
}

export function isValidVersion(version: string): boolean {
  return VERSION_RE.test(version);
}

/**
 * The directory holding `name`'s versions, inside `root`. Throws when the parts are not valid
 * or the result would leave `root` (belt and braces: the checks above already exclude it).
 */
export function objectDir(root: string, bucket: string, name: string): string {
  if (!isValidBucketId(bucket) || !isValidObjectName(name)) throw new Error(`invalid object path: ${bucket}/${name}`);
  const dir = normalize(join(root, bucket, ...name.split('/')));
  const rel = relative(root, dir);
  if (!rel || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
    throw new Error(`object path escapes the storage root: ${bucket}/${name}`);
  }
  return dir;
}

export function versionPath(root: string, bucket: string, name: string, version: string): string {
  if (!isValidVersion(version)) throw new Error(`invalid object version: ${version}`);
  return join(objectDir(root, bucket, name), version);
}

/** The last segment of a name, for Content-Disposition when ?download is empty. */
export function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}
