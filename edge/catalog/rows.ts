import type { CourseCard, EnrollmentSummary, InstructorCard } from '../api-types.ts';
import { badgesFor } from './badges.ts';

/** Row shapes as SQL returns them (numbers cast in SQL, so both drivers agree) and their JSON. */

export const iso = (v: unknown): string | null => (v == null ? null : new Date(v as string).toISOString());

export const CARD_COLUMNS = `
  c.id, c.slug, c.title, c.subtitle, c.thumbnail_url, c.thumbnail_widths, c.difficulty::text as difficulty, c.language,
  c.price_amount, c.price_currency, c.rating_average::float8 as rating_average, c.rating_count,
  c.enrollment_count, c.published_at,
  cat.slug as category_slug, cat.name as category_name,
  i.id as instructor_id, i.display_name as instructor_name, c.lesson_count, c.duration_minutes`;

/**
 * A card's joins: its instructor and category, one row each. The lesson count and duration are
 * columns of the course, kept by a trigger on lessons
 * (supabase/migrations/20261123000400_point_reads_and_course_stats.sql), not an aggregate per card.
 */
export const CARD_JOINS = `
  join public.instructors i on i.id = c.instructor_id
  left join public.categories cat on cat.id = c.category_id`;

export interface CardRow {
  id: string;
  slug: string;
  title: string;
  subtitle: string;
  thumbnail_url: string | null;
  thumbnail_widths: number[] | null;
  difficulty: CourseCard['difficulty'];
  language: string;
  price_amount: number;
  price_currency: string;
  rating_average: number;
  rating_count: number;
  enrollment_count: number;
  published_at: unknown;
  category_slug: string | null;
  category_name: string | null;
  instructor_id: string;
  instructor_name: string;
  lesson_count: number;
  duration_minutes: number;
}

export function toCard(r: CardRow, now: Date): CourseCard {
  const publishedAt = iso(r.published_at);
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    subtitle: r.subtitle,
    thumbnailUrl: r.thumbnail_url,
    thumbnailWidths: (r.thumbnail_widths ?? []).map(Number),
    difficulty: r.difficulty,
    language: r.language,
    category: r.category_slug ? { slug: r.category_slug, name: r.category_name ?? r.category_slug } : null,
    instructor: { id: r.instructor_id, displayName: r.instructor_name },
    price: { amount: Number(r.price_amount), currency: r.price_currency },
    rating: { average: Number(r.rating_average), count: Number(r.rating_count) },
    enrollmentCount: Number(r.enrollment_count),
    lessonCount: Number(r.lesson_count),
    durationMinutes: Number(r.duration_minutes),
    publishedAt,
    badges: badgesFor(
      { enrollmentCount: Number(r.enrollment_count), publishedAt, priceAmount: Number(r.price_amount) },
      now,
    ),
  };
}

export interface InstructorRow {
  id: string;
  display_name: string;
  headline: string;
  bio: string;
  expertise: string[];
  avatar_url: string | null;
}

export const toInstructor = (r: InstructorRow): InstructorCard => ({
  id: r.id,
  displayName: r.display_name,
  headline: r.headline,
  bio: r.bio,
  expertise: r.expertise,
  avatarUrl: r.avatar_url,
});

export const ENROLLMENT_COLUMNS = `
  e.id, e.course_id, e.status::text as status, e.enrolled_at, e.completed_lessons, e.total_lessons,
  e.progress_percentage::float8 as progress_percentage, e.last_lesson_id, e.completed_at`;

export interface EnrollmentRow {
  id: string;
  course_id: string;
  status: EnrollmentSummary['status'];
  enrolled_at: unknown;
  completed_lessons: number;
  total_lessons: number;
  progress_percentage: number;
  last_lesson_id: string | null;
  completed_at: unknown;
}

export const toEnrollment = (r: EnrollmentRow): EnrollmentSummary => ({
  id: r.id,
  courseId: r.course_id,
  status: r.status,
  enrolledAt: iso(r.enrolled_at)!,
  completedLessons: Number(r.completed_lessons),
  totalLessons: Number(r.total_lessons),
  progressPercentage: Number(r.progress_percentage),
  lastLessonId: r.last_lesson_id,
  completedAt: iso(r.completed_at),
});
