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
