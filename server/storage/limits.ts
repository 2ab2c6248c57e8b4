import { errors } from './errors.ts';
import type { Bucket } from './objects.ts';

/** A bucket's size limit, capped by the server's. */
export function sizeLimit(bucket: Bucket, serverMax: number): number {
  return bucket.fileSizeLimit === null ? serverMax : Math.min(bucket.fileSizeLimit, serverMax);
}

/** The media type without parameters, lower case ('Text/Plain; charset=UTF-8' → 'text/plain'). */
export function baseMimeType(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}

/**
 * Refuses (InvalidMimeType) a type the bucket does not allow. A bucket's list may use wildcards
 * ('image/*'); no list allows everything.
 */
export function checkMimeType(bucket: Bucket, contentType: string): void {
  const allowed = bucket.allowedMimeTypes;
  if (!allowed || allowed.length === 0) return;
  const type = baseMimeType(contentType);
  const ok = allowed.some((pattern) => {
    const p = pattern.trim().toLowerCase();
    return p.endsWith('/*') ? type.startsWith(p.slice(0, -1)) && type.length > p.length - 1 : p === type;
  });
  if (!ok) throw errors.invalidMimeType(type);
}

/** Refuses a declared length over the limit before any byte is read. */
export function checkDeclaredLength(header: string | undefined | null, limit: number, slack = 0): void {
  if (header === undefined || header === null || header === '') return;
  const length = /^\d{1,16}$/.test(header) ? Number(header) : Number.NaN;
  if (!Number.isSafeInteger(length)) throw errors.invalidRequest('Invalid Content-Length');
  if (length > limit + slack) throw errors.entityTooLarge();
}
