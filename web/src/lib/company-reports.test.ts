import { describe, expect, it } from 'vitest';
import type { CompanyReport, CompanyReportCourse, CompanyReportMember } from '../../../edge/api-types.ts';
import {
  courseRows,
  courseStatusLabel,
  employeeRows,
  filterEmployees,
  groupRows,
  mean,
  percent,
  reportFileName,
  reportView,
} from './company-reports.ts';

const GIT = '10000000-0000-4000-8000-000000000001';
const JS = '10000000-0000-4000-8000-000000000002';
const SUPPORT = '20000000-0000-4000-8000-000000000001';
const OPS = '20000000-0000-4000-8000-000000000002';
const EMPTY = '20000000-0000-4000-8000-000000000003';
const T = '2026-11-20T10:00:00.000Z';

const course = (courseId: string, over: Partial<CompanyReportCourse> = {}): CompanyReportCourse => ({
  courseId,
  courseTitle: courseId === GIT ? 'Git and GitHub' : 'Modern JavaScript',
  bundleId: null,
  assignedAt: T,
  dueAt: null,
  active: true,
  overdue: false,
  enrollmentStatus: 'active',
  progress: 0,
  completedAt: null,
  bestQuizPercent: null,
  certificateCode: null,
  lastActivityAt: null,
  ...over,
});

let n = 0;
const member = (name: string, over: Partial<CompanyReportMember> = {}): CompanyReportMember => ({
  kind: 'member',
  id: `30000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  name,
  email: `${name.toLowerCase().replace(/\s+/g, '.')}@globex.example`,
  role: 'employee',
  status: 'active',
  group: null,
  joinedAt: T,
  lastActivityAt: null,
  courses: [],
  ...over,
});

const support = { id: SUPPORT, name: 'Support' };
const ops = { id: OPS, name: 'Operations' };

const report: CompanyReport = {
  company: { id: '40000000-0000-4000-8000-000000000001', slug: 'globex', name: 'Globex' },
  generatedAt: T,
  seats: [],
  groups: [
    { id: SUPPORT, name: 'Support', members: 2 },
    { id: OPS, name: 'Operations', members: 1 },
    { id: EMPTY, name: 'Archive', members: 0 },
  ],
  members: [
    member('Ada Finch', {
      group: support,
      courses: [
        course(GIT, {
          progress: 100,
          enrollmentStatus: 'completed',
          completedAt: T,
          bestQuizPercent: 90,
          certificateCode: 'ABC-123',
          lastActivityAt: T,
        }),
        course(JS, { progress: 40, bestQuizPercent: 60, overdue: true, lastActivityAt: T }),
      ],
    }),
    member('Bo Lane', {
      group: support,
      courses: [course(GIT, { progress: 0 }), course(JS, { progress: 20, bestQuizPercent: 80 })],
    }),
    member('Cy Dunn', { group: ops, courses: [course(GIT, { progress: 50, overdue: true })] }),
    member('Di Removed', {
      group: ops,
      status: 'removed',
      courses: [course(GIT, { active: false, progress: 70, enrollmentStatus: 'cancelled' })],
    }),
    member('Ed Invited', {
      kind: 'invitation',
      status: 'invited',
      joinedAt: null,
      courses: [course(JS, { enrollmentStatus: null })],
    }),
  ],
};

describe('company report views', () => {
  it('reads the view from the URL, the employee view by default', () => {
    expect(reportView('courses')).toBe('courses');
    expect(reportView('groups')).toBe('groups');
    expect(reportView('nope')).toBe('employees');
    expect(reportView(undefined)).toBe('employees');
  });

  it('means are rounded and null without values', () => {
    expect(mean([])).toBeNull();
    expect(mean([1, 2])).toBe(2);
    expect(mean([10, 20, 40])).toBe(23);
    expect(percent(null)).toBe('—');
    expect(percent(42.4)).toBe('42%');
  });

  it('per employee: every listed course, ended ones too', () => {
    const rows = employeeRows(report);
    expect(rows.map((r) => r.member.name)).toEqual(['Ada Finch', 'Bo Lane', 'Cy Dunn', 'Di Removed', 'Ed Invited']);
    const [ada, bo, , di, ed] = rows;
    expect(ada).toMatchObject({
      group: 'Support',
      courses: 2,
      completed: 1,
      meanProgress: 70,
      bestQuiz: 90,
      certificates: 1,
      overdue: 1,
    });
    expect(bo).toMatchObject({ courses: 2, completed: 0, meanProgress: 10, bestQuiz: 80, certificates: 0 });
    expect(di).toMatchObject({ courses: 1, completed: 0, meanProgress: 70, overdue: 0 });
    expect(ed).toMatchObject({ group: '', courses: 1, meanProgress: 0, bestQuiz: null });
  });

  it('filters employees by every word in name, email or group', () => {
    const rows = employeeRows(report);
    expect(filterEmployees(rows, '').length).toBe(5);
    expect(filterEmployees(rows, '  ').length).toBe(5);
    expect(filterEmployees(rows, 'SUPPORT').map((r) => r.member.name)).toEqual(['Ada Finch', 'Bo Lane']);
    expect(filterEmployees(rows, 'support bo').map((r) => r.member.name)).toEqual(['Bo Lane']);
    expect(filterEmployees(rows, 'cy.dunn@').map((r) => r.member.name)).toEqual(['Cy Dunn']);
    expect(filterEmployees(rows, 'zzz')).toEqual([]);
  });

  it('per course: active assignments only, by title', () => {
    const rows = courseRows(report);
    expect(rows.map((r) => r.title)).toEqual(['Git and GitHub', 'Modern JavaScript']);
    expect(rows[0]).toMatchObject({
      courseId: GIT,
      assigned: 3,
      started: 2,
      completed: 1,
      meanProgress: 50,
      overdue: 1,
      meanBestQuiz: 90,
    });
    expect(rows[1]).toMatchObject({
      courseId: JS,
      assigned: 3,
      started: 2,
      completed: 0,
      meanProgress: 20,
      overdue: 1,
      meanBestQuiz: 70,
    });
  });

  it('per group: every group by name, empty ones too, then No group; removed people left out', () => {
    const rows = groupRows(report);
    expect(rows.map((r) => r.name)).toEqual(['Archive', 'Operations', 'Support', 'No group']);
    expect(rows[0]).toMatchObject({ groupId: EMPTY, people: 0, assignments: 0, meanProgress: null });
    expect(rows[1]).toMatchObject({ groupId: OPS, people: 1, assignments: 1, completed: 0, overdue: 1 });
    expect(rows[1]!.meanProgress).toBe(50);
    expect(rows[2]).toMatchObject({ people: 2, assignments: 4, completed: 1, meanProgress: 40, overdue: 1 });
    expect(rows[3]).toMatchObject({ groupId: null, people: 1, assignments: 1, meanProgress: 0 });
    expect(groupRows({ ...report, members: report.members.slice(0, 3) }).map((r) => r.name)).not.toContain('No group');
  });

  it('says a course state in words', () => {
    expect(courseStatusLabel(course(GIT, { active: false }))).toBe('Unassigned');
    expect(courseStatusLabel(course(GIT, { enrollmentStatus: 'completed' }))).toBe('Completed');
    expect(courseStatusLabel(course(GIT, { progress: 5 }))).toBe('In progress');
    expect(courseStatusLabel(course(GIT))).toBe('Not started');
  });

  it('names the CSV file after the slug and the UTC day', () => {
    expect(reportFileName('globex', new Date('2026-11-25T23:30:00Z'))).toBe('globex-report-2026-11-25.csv');
  });
});
