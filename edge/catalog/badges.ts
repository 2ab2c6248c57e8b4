import type { Badge } from '../api-types.ts';

export const POPULAR_MIN_ENROLLMENTS = 1000;
export const NEW_FOR_DAYS = 30;

/** Badges a course card shows. Pure: `now` is passed in. */
export function badgesFor(
  course: { enrollmentCount: number; publishedAt: string | null; priceAmount: number },
  now: Date,
): Badge[] {
  const badges: Badge[] = [];
  if (course.enrollmentCount >= POPULAR_MIN_ENROLLMENTS) badges.push('popular');
  if (course.publishedAt) {
    const ageDays = (now.getTime() - new Date(course.publishedAt).getTime()) / 86_400_000;
    if (ageDays >= 0 && ageDays <= NEW_FOR_DAYS) badges.push('new');
  }
  if (course.priceAmount === 0) badges.push('free');
  return badges;
}
