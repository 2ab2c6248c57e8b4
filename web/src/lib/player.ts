import type { CoursePlayer, PlayerLesson } from '../../../edge/api-types.ts';

/** The lessons in course order, each with the title of its section. */
export function flattenLessons(player: Pick<CoursePlayer, 'sections'>): (PlayerLesson & { sectionTitle: string })[] {
  return [...player.sections]
    .sort((a, b) => a.position - b.position)
    .flatMap((s) =>
      [...s.lessons].sort((a, b) => a.position - b.position).map((l) => ({ ...l, sectionTitle: s.title })),
    );
}

/**
 * Where /learn/:slug opens: the last lesson the learner worked on if it is open, else the
 * first open lesson not yet done, else the first open lesson, else the first lesson.
 */
export function pickStartLesson(player: Pick<CoursePlayer, 'sections' | 'enrollment'>): PlayerLesson | null {
  const lessons = flattenLessons(player);
  const last = player.enrollment.lastLessonId;
  const lastLesson = last ? lessons.find((l) => l.id === last && l.available) : undefined;
  // The last lesson touched was finished: move on to the next open one not yet done.
  if (lastLesson && !lastLesson.completed) return lastLesson;
  const from = lastLesson ? lessons.indexOf(lastLesson) : -1;
  return (
    lessons.slice(from + 1).find((l) => l.available && !l.completed) ??
    lessons.find((l) => l.available && !l.completed) ??
    lastLesson ??
    lessons.find((l) => l.available) ??
    lessons[0] ??
    null
  );
}

export function neighbours<T extends { id: string }>(lessons: T[], id: string): { prev: T | null; next: T | null } {
  const i = lessons.findIndex((l) => l.id === id);
  if (i < 0) return { prev: null, next: null };
  return { prev: lessons[i - 1] ?? null, next: lessons[i + 1] ?? null };
}

/** The player after a lesson was completed: the lesson marked, the enrollment from the server. */
export function withLessonCompleted(
  player: CoursePlayer,
  lessonId: string,
  enrollment: CoursePlayer['enrollment'],
): CoursePlayer {
  return {
    ...player,
    enrollment,
    sections: player.sections.map((s) => ({
      ...s,
      lessons: s.lessons.map((l) => (l.id === lessonId ? { ...l, completed: true } : l)),
    })),
  };
}

/** The player's tabs, in order; `id` is the ?tab= value and the element id suffix. */
export const PLAYER_TABS = [
  { id: 'lessons', label: 'Lessons' },
  { id: 'labs', label: 'Labs' },
  { id: 'assignments', label: 'Assignments' },
  { id: 'quizzes', label: 'Quizzes' },
  { id: 'sessions', label: 'Live sessions' },
  { id: 'notes', label: 'Notes' },
  { id: 'reviews', label: 'Reviews' },
  { id: 'faq', label: 'Course FAQ' },
] as const;
export type PlayerTab = (typeof PLAYER_TABS)[number]['id'];

export function tabFromParam(raw: string | string[] | undefined): PlayerTab {
  const v = Array.isArray(raw) ? raw[0] : raw;
  return PLAYER_TABS.find((t) => t.id === v)?.id ?? 'lessons';
}

/**
 * The tab a key moves to in a horizontal tablist (WAI-ARIA: arrows wrap, Home and End jump),
 * or null for any other key.
 */
export function tabIndexAfterKey(current: number, key: string, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count;
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * A lesson material's url that names a file in the course-media bucket rather than a link:
 * `course-media:<courseId>/<folder>/<file>` (what the course editor writes) or the bare path.
 */
export function storagePath(url: string): string | null {
  const raw = url.trim();
  const u = raw.startsWith('course-media:') ? raw.slice('course-media:'.length) : raw;
  if (/^[a-z][a-z0-9+.-]*:/i.test(u) || u.startsWith('/') || u.includes('..') || u.includes('\\')) return null;
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/[^\s?#]+$/i.test(u) ? u : null;
}

/** A file name for a material's link text: its own name, else the last segment of its url. */
export function materialName(entry: { url: string; name?: string }): string {
  if (entry.name?.trim()) return entry.name.trim();
  const path = entry.url.split(/[?#]/)[0] ?? '';
  const last = path.split('/').filter(Boolean).at(-1) ?? '';
  try {
    return decodeURIComponent(last) || 'file';
  } catch {
    return last || 'file';
  }
}

/** The materials of a lesson by role: the main media (video, pdf, slides) and the rest (downloads, links), captions apart. */
export function splitMaterials<T extends { type: string }>(entries: T[]): { main: T | null; downloads: T[] } {
  const main = entries.find((e) => e.type === 'video' || e.type === 'pdf' || e.type === 'slides') ?? null;
  return { main, downloads: entries.filter((e) => e !== main && e.type !== 'captions') };
}

/** The share of a video watched (0..1), from the furthest point reached and the video's length. */
export function watchedShare(watchedSeconds: number, durationSeconds: number | null | undefined): number {
  if (!durationSeconds || durationSeconds <= 0 || !Number.isFinite(durationSeconds)) return 0;
  return Math.max(0, Math.min(1, watchedSeconds / durationSeconds));
}

/** Where a video resumes: the saved position, unless it is at the very end (then from the start). */
export function resumeAt(positionSeconds: number, durationSeconds: number | null | undefined): number {
  if (!(positionSeconds > 0)) return 0;
  // At the very end (the last 2 s, or 5 % of a short video): start again.
  if (
    durationSeconds &&
    durationSeconds > 0 &&
    positionSeconds >= durationSeconds - Math.min(2, durationSeconds * 0.05)
  ) {
    return 0;
  }
  return positionSeconds;
}

/** How often the player reports video progress while it plays. */
export const VIDEO_REPORT_MS = 10_000;

/** Whether a playing video's progress is due: every VIDEO_REPORT_MS, and never for an unchanged position. */
export function reportDue(
  last: { at: number; position: number } | null,
  now: number,
  position: number,
  force = false,
): boolean {
  if (!last) return true;
  if (Math.abs(position - last.position) < 0.5) return false;
  return force || now - last.at >= VIDEO_REPORT_MS;
}
