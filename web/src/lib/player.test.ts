import { describe, expect, it } from 'vitest';
import type { CoursePlayer, EnrollmentSummary, PlayerLesson } from '../../../edge/api-types.ts';
import { flattenLessons, neighbours, pickStartLesson, withLessonCompleted } from './player.ts';

const lesson = (id: string, position: number, extra: Partial<PlayerLesson> = {}): PlayerLesson => ({
  id,
  title: id,
  type: 'text',
  position,
  durationMinutes: 5,
  isPreview: false,
  completed: false,
  available: true,
  availableAt: null,
  ...extra,
});

const enrollment: EnrollmentSummary = {
  id: 'e',
  courseId: 'c',
  status: 'active',
  enrolledAt: '2026-01-01T00:00:00Z',
  completedLessons: 0,
  totalLessons: 4,
  progressPercentage: 0,
  lastLessonId: null,
  completedAt: null,
};

function player(lessons: PlayerLesson[][], last: string | null = null): CoursePlayer {
  return {
    course: { id: 'c', slug: 'course', title: 'Course' },
    enrollment: { ...enrollment, lastLessonId: last },
    // sections out of order on purpose
    sections: lessons
      .map((ls, i) => ({ id: `s${i}`, title: `Section ${i}`, position: lessons.length - i, lessons: ls }))
      .reverse(),
  };
}

describe('player helpers', () => {
  it('flattens lessons in section and lesson order', () => {
    const p = player([[lesson('b', 2), lesson('a', 1)], [lesson('c', 1)]]);
    expect(flattenLessons(p).map((l) => l.id)).toEqual(['c', 'a', 'b']);
  });

  it('starts at the first open lesson for a new learner', () => {
    const p = player([[lesson('a', 1, { available: false }), lesson('b', 2)]]);
    expect(pickStartLesson(p)?.id).toBe('b');
  });

  it('resumes the last lesson, or the next one when that is done', () => {
    const lessons = [[lesson('a', 1, { completed: true }), lesson('b', 2), lesson('c', 3)]];
    expect(pickStartLesson(player(lessons, 'b'))?.id).toBe('b');
    const done = [[lesson('a', 1), lesson('b', 2, { completed: true }), lesson('c', 3)]];
    expect(pickStartLesson(player(done, 'b'))?.id).toBe('c');
  });

  it('opens the last lesson of a finished course', () => {
    const all = [[lesson('a', 1, { completed: true }), lesson('b', 2, { completed: true })]];
    expect(pickStartLesson(player(all, 'b'))?.id).toBe('b');
    expect(pickStartLesson(player([]))).toBeNull();
  });

  it('finds neighbours', () => {
    const ls = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(neighbours(ls, 'a')).toEqual({ prev: null, next: { id: 'b' } });
    expect(neighbours(ls, 'c')).toEqual({ prev: { id: 'b' }, next: null });
    expect(neighbours(ls, 'x')).toEqual({ prev: null, next: null });
  });

  it('marks a lesson completed with the server’s enrollment', () => {
    const p = player([[lesson('a', 1), lesson('b', 2)]]);
    const next = withLessonCompleted(p, 'a', { ...enrollment, completedLessons: 1, progressPercentage: 50 });
    expect(flattenLessons(next).map((l) => l.completed)).toEqual([true, false]);
    expect(next.enrollment.progressPercentage).toBe(50);
    expect(flattenLessons(p).map((l) => l.completed)).toEqual([false, false]);
  });
});
