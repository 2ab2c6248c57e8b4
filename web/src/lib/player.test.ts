import { describe, expect, it } from 'vitest';
import type { CoursePlayer, EnrollmentSummary, PlayerLesson } from '../../../edge/api-types.ts';
import {
  flattenLessons,
  materialName,
  neighbours,
  PLAYER_TABS,
  pickStartLesson,
  reportDue,
  resumeAt,
  splitMaterials,
  storagePath,
  tabFromParam,
  tabIndexAfterKey,
  VIDEO_REPORT_MS,
  watchedShare,
  withLessonCompleted,
} from './player.ts';

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
    liveSessions: [],
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

describe('player tabs', () => {
  it('reads the tab from the URL, defaulting to the lessons', () => {
    expect(tabFromParam('reviews')).toBe('reviews');
    expect(tabFromParam(['faq', 'labs'])).toBe('faq');
    expect(tabFromParam('nope')).toBe('lessons');
    expect(tabFromParam(undefined)).toBe('lessons');
  });

  it('moves with the arrow keys (wrapping), Home and End, and ignores other keys', () => {
    const n = PLAYER_TABS.length;
    expect(tabIndexAfterKey(0, 'ArrowRight', n)).toBe(1);
    expect(tabIndexAfterKey(n - 1, 'ArrowRight', n)).toBe(0);
    expect(tabIndexAfterKey(0, 'ArrowLeft', n)).toBe(n - 1);
    expect(tabIndexAfterKey(3, 'Home', n)).toBe(0);
    expect(tabIndexAfterKey(3, 'End', n)).toBe(n - 1);
    expect(tabIndexAfterKey(3, 'Enter', n)).toBeNull();
  });
});

describe('lesson materials', () => {
  const course = '30000000-0000-4000-8000-000000000001';
  it('tells files in the media bucket from links, refusing anything odd', () => {
    expect(storagePath(`${course}/media/intro.webm`)).toBe(`${course}/media/intro.webm`);
    expect(storagePath(`course-media:${course}/media/intro.webm`)).toBe(`${course}/media/intro.webm`);
    expect(storagePath('course-media:https://evil.example/a')).toBeNull();
    expect(storagePath('https://example.com/a.pdf')).toBeNull();
    expect(storagePath('/files/a.pdf')).toBeNull();
    expect(storagePath('javascript:alert(1)')).toBeNull();
    expect(storagePath(`${course}/../other/a.pdf`)).toBeNull();
    expect(storagePath('not-a-course/a.pdf')).toBeNull();
  });

  it('names a material by its name or its file', () => {
    expect(materialName({ url: 'x', name: ' Starter files ' })).toBe('Starter files');
    expect(materialName({ url: `${course}/media/My%20slides.pdf?token=1` })).toBe('My slides.pdf');
    expect(materialName({ url: '%E0%A4%A' })).toBe('%E0%A4%A');
  });

  it('splits the main media from the downloads, captions apart', () => {
    const v = { type: 'video', url: 'v' };
    const d = { type: 'download', url: 'd' };
    const c = { type: 'captions', url: 'c' };
    const l = { type: 'link', url: 'l' };
    expect(splitMaterials([d, c, v, l])).toEqual({ main: v, downloads: [d, l] });
    expect(splitMaterials([d])).toEqual({ main: null, downloads: [d] });
  });
});

describe('video progress', () => {
  it('is a share of the length, bounded, and 0 without a length', () => {
    expect(watchedShare(30, 60)).toBe(0.5);
    expect(watchedShare(90, 60)).toBe(1);
    expect(watchedShare(10, null)).toBe(0);
    expect(watchedShare(10, Number.NaN)).toBe(0);
  });

  it('resumes at the saved position, from the start once the video was watched to the end', () => {
    expect(resumeAt(42, 100)).toBe(42);
    expect(resumeAt(99, 100)).toBe(0);
    expect(resumeAt(0, 100)).toBe(0);
    expect(resumeAt(42, null)).toBe(42);
    expect(resumeAt(1, 4)).toBe(1);
    expect(resumeAt(3.9, 4)).toBe(0);
  });

  it('reports every interval, at once when forced, never for an unchanged position', () => {
    expect(reportDue(null, 0, 0)).toBe(true);
    const last = { at: 1000, position: 10 };
    expect(reportDue(last, 1000 + VIDEO_REPORT_MS - 1, 20)).toBe(false);
    expect(reportDue(last, 1000 + VIDEO_REPORT_MS, 20)).toBe(true);
    expect(reportDue(last, 1001, 20, true)).toBe(true);
    expect(reportDue(last, 1000 + VIDEO_REPORT_MS * 3, 10.2, true)).toBe(false);
  });
});
