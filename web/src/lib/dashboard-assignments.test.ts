import { describe, expect, it } from 'vitest';
import type { DashboardCourse } from '../../../edge/api-types.ts';
import { sortDashboardCourses } from './dashboard-assignments.ts';
import { formatDueDate } from './format.ts';

const course = (
  id: string,
  state: DashboardCourse['state'],
  assignment: DashboardCourse['assignment'] = null,
): DashboardCourse => ({
  course: {
    id,
    slug: id,
    title: id,
    subtitle: '',
    thumbnailUrl: null,
    thumbnailWidths: [],
    instructor: { displayName: 'T' },
  },
  enrollment: {
    id,
    courseId: id,
    status: state === 'completed' ? 'completed' : 'active',
    enrolledAt: '2026-01-01T00:00:00.000Z',
    completedLessons: 0,
    totalLessons: 1,
    progressPercentage: 0,
    lastLessonId: null,
    completedAt: null,
  },
  state,
  nextLessonId: null,
  assignment,
});
const due = (dueAt: string | null, overdue = false) => ({ companyName: 'Acme', dueAt, overdue });

describe('the dashboard order', () => {
  it('puts unfinished courses with a due date first, earliest due first, the rest in API order', () => {
    const list = [
      course('a', 'in-progress'),
      course('b', 'in-progress', due('2026-12-31T23:59:59.999Z')),
      course('c', 'completed', due('2020-01-01T00:00:00.000Z', false)),
      course('d', 'not-started', due('2026-01-31T23:59:59.999Z', true)),
      course('e', 'in-progress', due(null)),
      course('f', 'not-started'),
    ];
    const before = list.map((c) => c.course.id);
    expect(sortDashboardCourses(list).map((c) => c.course.id)).toEqual(['d', 'b', 'a', 'c', 'e', 'f']);
    expect(list.map((c) => c.course.id)).toEqual(before);
    expect(sortDashboardCourses([])).toEqual([]);
  });

  it('shows a due date as its UTC day, wherever the learner is', () => {
    expect(formatDueDate('2026-12-31T23:59:59.999Z')).toBe('Dec 31, 2026');
    expect(formatDueDate('nonsense')).toBe('');
  });
});
