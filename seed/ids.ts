/**
 * Stable ids for demo rows: a UUID v5-style hash of each row's natural key, so running the
 * seed again targets the same rows (`on conflict`) and never duplicates them.
 */
import { createHash } from 'node:crypto';

const NAMESPACE = Buffer.from('5d1f6c0ea2b84e7f9c3a7b21e4d9f058', 'hex');

/** A UUID (version 5 layout: SHA-1 of a fixed namespace and `name`) for a demo row. */
export function seedId(name: string): string {
  const h = createHash('sha1').update(NAMESPACE).update(name).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const ids = {
  user: (email: string) => seedId(`user:${email.toLowerCase()}`),
  instructor: (email: string) => seedId(`instructor:${email.toLowerCase()}`),
  company: (slug: string) => seedId(`company:${slug}`),
  category: (slug: string) => seedId(`category:${slug}`),
  course: (slug: string) => seedId(`course:${slug}`),
  section: (course: string, s: number) => seedId(`section:${course}:${s}`),
  lesson: (course: string, s: number, l: number) => seedId(`lesson:${course}:${s}:${l}`),
  enrollment: (email: string, course: string) => seedId(`enrollment:${email.toLowerCase()}:${course}`),
  progress: (email: string, course: string, s: number, l: number) =>
    seedId(`progress:${email.toLowerCase()}:${course}:${s}:${l}`),
};
